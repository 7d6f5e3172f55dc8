"""Integrated loudness per ITU-R BS.1770-4 (the measure EBU R 128 uses), fed block by block.

The K-weighting filters are pyloudnorm's (its ``Meter`` designs them for any sample rate), and the
result is the one :meth:`pyloudnorm.Meter.integrated_loudness` gives for the whole signal (the
tests compare the two); it is computed here from 100 ms sums of squares so that a long file is
measured in bounded memory (pyloudnorm holds the whole signal, several times over):

1. each channel's samples go through the K-weighting filters (a +4 dB shelf above about 1.5 kHz,
   then a 38 Hz high-pass);
2. z_c,j = the mean square of channel c over block j: 400 ms blocks, overlapping by 75 % (a new
   block every 100 ms);
3. l_j = −0.691 + 10·log10(Σ_c G_c·z_c,j), with G = 1.0 for left, right and centre and 1.41 for the
   two surround channels;
4. blocks are counted when l_j ≥ −70 LUFS (the absolute gate) and above the relative gate, 10 LU
   below the loudness of the blocks that passed the absolute gate;
5. integrated loudness = −0.691 + 10·log10(Σ_c G_c·z̄_c), z̄_c the mean of z_c,j over the counted
   blocks.

Scaling a signal by a gain moves every l_j and both gates alike: a file 6 dB quieter measures
exactly 6 LU lower.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

#: Channel weights G_c (left, right, centre, left surround, right surround).
CHANNEL_GAINS = (1.0, 1.0, 1.0, 1.41, 1.41)
#: The gating block (s), and the step between blocks (s): 75 % overlap.
BLOCK_S = 0.4
STEP = 0.25
ABSOLUTE_GATE_LUFS = -70.0
RELATIVE_GATE_LU = -10.0
#: −0.691 dB offsets the K-weighting's gain at 1 kHz.
OFFSET_DB = -0.691


@dataclass(frozen=True, slots=True)
class Loudness:
    """What the measure found: the integrated loudness (``None`` when nothing passed the gates:
    silence, a signal below −70 LUFS, or one shorter than a 400 ms block), the blocks measured
    and counted, and the relative gate they were counted against."""

    lufs: float | None
    blocks: int
    counted_blocks: int
    relative_gate_lufs: float | None


def _loudness_of(weighted_power: Any) -> Any:
    with np.errstate(divide="ignore"):
        return OFFSET_DB + 10.0 * np.log10(weighted_power)


class LoudnessMeter:
    """Integrated loudness of a signal given in blocks of frames (``samples × channels``, floats
    scaled to ±1), each passed to :meth:`add` in order; :meth:`result` when all were."""

    def __init__(self, rate: int, channels: int) -> None:
        # Imported on first use: scipy (which pyloudnorm filters with) takes seconds to import.
        import pyloudnorm  # type: ignore[import-untyped]
        import scipy.signal  # type: ignore[import-untyped]

        if not 1 <= channels <= len(CHANNEL_GAINS):
            raise ValueError(f"BS.1770 weighs 1 to {len(CHANNEL_GAINS)} channels, not {channels}")
        self.rate = rate
        self.channels = channels
        self._lfilter = scipy.signal.lfilter
        # pyloudnorm's K-weighting (``Meter``'s default filter class): its two biquads, in order.
        stages = pyloudnorm.Meter(rate, filter_class="K-weighting")._filters.values()
        self._stages = [(stage.b, stage.a, stage.passband_gain) for stage in stages]
        self._states = [np.zeros((max(len(b), len(a)) - 1, channels)) for b, a, _ in self._stages]
        self._seen = 0  # frames so far
        self._sums: list[Any] = []  # per 100 ms step: the sum of squares of each weighted channel
        self._open = np.zeros(channels)  # the step being filled

    def _edge(self, step: int) -> int:
        """The first frame of step ``step``, rounded as pyloudnorm rounds block bounds."""
        return int(BLOCK_S * (step * STEP) * self.rate)

    def add(self, frames: Any) -> None:
        """Measure the next frames (``samples × channels``)."""
        weighted = np.asarray(frames, dtype=np.float64)
        for index, (b, a, gain) in enumerate(self._stages):
            weighted, self._states[index] = self._lfilter(b, a, weighted, axis=0, zi=self._states[index])
            if gain != 1.0:
                weighted = weighted * gain
        squares = np.square(weighted)
        start, end, at = self._seen, self._seen + len(squares), 0
        while (edge := self._edge(len(self._sums) + 1)) <= end:
            self._open += squares[at : edge - start].sum(axis=0)
            self._sums.append(self._open)
            self._open = np.zeros(self.channels)
            at = edge - start
        self._open = self._open + squares[at:].sum(axis=0)
        self._seen = end

    def result(self) -> Loudness:
        """The integrated loudness of everything added (see the module's doc for the steps)."""
        seconds = self._seen / self.rate
        if seconds < BLOCK_S:
            return Loudness(lufs=None, blocks=0, counted_blocks=0, relative_gate_lufs=None)
        # As pyloudnorm counts them: the last block may run past the end (its missing part silent).
        blocks = round((seconds - BLOCK_S) / (BLOCK_S * STEP)) + 1
        steps = np.array([*self._sums, self._open])
        totals = np.vstack([np.zeros(self.channels), np.cumsum(steps, axis=0)])
        per_block = round(1 / STEP)
        first = np.arange(blocks)
        last = np.minimum(first + per_block, len(steps))
        z = (totals[last] - totals[first]) / (BLOCK_S * self.rate)  # blocks × channels
        gains = np.array(CHANNEL_GAINS[: self.channels])
        block_loudness = _loudness_of(z @ gains)
        above_absolute = block_loudness >= ABSOLUTE_GATE_LUFS
        if not above_absolute.any():
            return Loudness(lufs=None, blocks=blocks, counted_blocks=0, relative_gate_lufs=None)
        relative_gate = float(_loudness_of(z[above_absolute].mean(axis=0) @ gains)) + RELATIVE_GATE_LU
        counted = (block_loudness > relative_gate) & (block_loudness > ABSOLUTE_GATE_LUFS)
        if not counted.any():
            return Loudness(lufs=None, blocks=blocks, counted_blocks=0, relative_gate_lufs=relative_gate)
        lufs = float(_loudness_of(z[counted].mean(axis=0) @ gains))
        return Loudness(
            lufs=lufs if math.isfinite(lufs) else None,
            blocks=blocks,
            counted_blocks=int(counted.sum()),
            relative_gate_lufs=relative_gate,
        )
