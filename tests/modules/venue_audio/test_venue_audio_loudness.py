"""Loudness of audio assets: EBU R 128 integrated loudness (ITU-R BS.1770-4), measured block by
block. Worked numbers from EBU Tech 3341 (test signal 1: a 1 kHz sine at −23 dBFS in both
channels measures −23.0 LUFS ± 0.1, the tolerance the EBU and pyloudnorm's own tests allow); the
same tone in one channel is half the power (−26.0); 6 dB quieter is 6 LU lower; pauses below the
gates do not count. The block-by-block measure gives what pyloudnorm gives for the whole signal."""

from __future__ import annotations

import math

import numpy as np
import pyloudnorm  # type: ignore[import-untyped]
import pytest
from bizsuite.modules.venue_audio.audio import audio_facts
from bizsuite.modules.venue_audio.loudness import Loudness, LoudnessMeter

from tests.modules.venue_audio.wav import MINUS_23_DBFS, sine_wav


def tone(seconds: float, rate: int, amplitude: float, channels: int, frequency: float = 1000.0) -> np.ndarray:
    times = np.arange(int(seconds * rate)) / rate
    return np.tile(amplitude * np.sin(2 * math.pi * frequency * times)[:, None], (1, channels))


def measured(signal: np.ndarray, rate: int, block: int = 4096) -> Loudness:
    meter = LoudnessMeter(rate, signal.shape[1])
    for start in range(0, len(signal), block):
        meter.add(signal[start : start + block])
    return meter.result()


def test_the_ebu_1_khz_tone_at_minus_23_dbfs_measures_minus_23_lufs() -> None:
    stereo = measured(tone(20, 48000, MINUS_23_DBFS, 2), 48000)
    assert stereo.lufs is not None and abs(stereo.lufs + 23.0) <= 0.1
    # 20 s: a 400 ms block every 100 ms, all above both gates; the gate 10 LU below.
    assert (stereo.blocks, stereo.counted_blocks) == (197, 197)
    assert (
        stereo.relative_gate_lufs is not None and abs(stereo.relative_gate_lufs - (stereo.lufs - 10)) < 1e-9
    )
    mono = measured(tone(20, 48000, MINUS_23_DBFS, 1), 48000)
    assert mono.lufs is not None and abs(mono.lufs - (stereo.lufs - 10 * math.log10(2))) < 1e-6  # −26.0


def test_a_file_6_db_quieter_measures_6_lu_lower() -> None:
    loud = measured(tone(5, 44100, 0.5, 2, frequency=440), 44100)
    quiet = measured(tone(5, 44100, 0.5 * 10 ** (-6 / 20), 2, frequency=440), 44100)
    assert loud.lufs is not None and quiet.lufs is not None
    assert abs((loud.lufs - quiet.lufs) - 6.0) < 1e-6


def test_pauses_below_the_gates_do_not_lower_the_loudness() -> None:
    rate = 16000
    announcement = tone(3, rate, MINUS_23_DBFS, 1)
    with_pause = np.vstack([announcement, np.zeros((10 * rate, 1))])
    alone, padded = measured(announcement, rate), measured(with_pause, rate)
    assert alone.lufs is not None and padded.lufs is not None
    # 13 s measured, the 3 s of speech counted (and the three blocks straddling its end): averaged
    # over every block, the pause would have taken it 10·log10(127 / 27) = 6.7 LU lower.
    assert (padded.blocks, padded.counted_blocks) == (127, 30)
    assert abs(alone.lufs - padded.lufs) < 0.3


def test_silence_and_a_file_shorter_than_a_block_have_no_loudness() -> None:
    silence = measured(np.zeros((8000, 2)), 8000)
    assert silence == Loudness(lufs=None, blocks=7, counted_blocks=0, relative_gate_lufs=None)
    short = measured(tone(0.3, 8000, 0.5, 1), 8000)
    assert short == Loudness(lufs=None, blocks=0, counted_blocks=0, relative_gate_lufs=None)


@pytest.mark.parametrize(
    ("rate", "channels"), [(8000, 1), (11025, 2), (22050, 5), (44100, 2), (48000, 1), (48000, 2)]
)
def test_block_by_block_it_is_what_pyloudnorm_measures_on_the_whole_signal(rate: int, channels: int) -> None:
    noise = np.random.default_rng(rate + channels)
    frames = int(rate * 6.37)  # not a whole number of blocks: the last one runs past the end
    times = np.arange(frames) / rate
    # Music-like: tones per channel switching on and off, a little noise under them.
    signal = np.stack(
        [
            0.3 * np.sin(2 * math.pi * (200 + 150 * c) * times) * (times % 2 < 1.2)
            + 0.01 * noise.standard_normal(frames)
            for c in range(channels)
        ],
        axis=1,
    )
    expected = pyloudnorm.Meter(rate).integrated_loudness(signal if channels > 1 else signal[:, 0])
    got = measured(signal, rate, block=int(noise.integers(500, 20000)))
    assert got.lufs is not None and abs(got.lufs - expected) < 1e-6
    assert 0 < got.counted_blocks < got.blocks


def test_the_facts_of_a_file_carry_its_loudness() -> None:
    facts = audio_facts(sine_wav(3, rate=48000, amplitude=MINUS_23_DBFS, channels=2, frequency=1000))
    assert facts is not None and facts.loudness.lufs is not None
    assert abs(facts.loudness.lufs + 23.0) <= 0.1  # 16-bit samples: within EBU's tolerance still
    assert facts.loudness.blocks == facts.loudness.counted_blocks == 27
