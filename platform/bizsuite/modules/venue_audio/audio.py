"""Audio files of venue audio: what a file says (duration, format, loudness) and the one format
players receive (MP3).

Two decoders, both from PyPI wheels that bundle their native libraries (no system package):
libsndfile (``soundfile``) reads WAV, MP3, Ogg and FLAC and writes the MP3; FFmpeg (PyAV, ``av``)
reads AAC, in an MP4/M4A container or as a raw ADTS stream, and only that: the file is opened
with the one demuxer its type names and refused unless its audio is AAC, so no other part of
FFmpeg sees uploads. Loudness is the integrated loudness of ITU-R BS.1770-4 / EBU R 128
(``loudness.py``). Files are decoded block by block: a long file is measured and encoded in
bounded memory.

Plain functions over bytes; they are CPU work, so services call them in a worker thread.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import soundfile  # type: ignore[import-untyped]

from bizsuite.modules.venue_audio.loudness import CHANNEL_GAINS, Loudness, LoudnessMeter

#: The types libsndfile decodes.
SNDFILE_TYPES = frozenset({"audio/wav", "audio/x-wav", "audio/mpeg", "audio/ogg", "audio/flac"})
#: The types FFmpeg decodes, each with the one demuxer it is opened with: AAC in MP4/M4A, or ADTS.
AAC_DEMUXERS = {"audio/mp4": "mov", "audio/aac": "aac"}
#: The types an asset may be uploaded as.
ASSET_TYPES = SNDFILE_TYPES | AAC_DEMUXERS.keys()
#: Other names browsers give these types (most send ``audio/x-m4a`` for an ``.m4a`` file).
TYPE_ALIASES = {"audio/x-m4a": "audio/mp4", "audio/m4a": "audio/mp4", "audio/x-aac": "audio/aac"}
#: The one format every player receives: MP3 (a file uploaded as MP3 is delivered as it is).
DELIVERY_TYPE = "audio/mpeg"
#: The sample rates MP3 (MPEG-1/2/2.5 layer III) can carry.
MP3_RATES = frozenset({8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000})
#: Why a file's sample rate is refused (a sentence the pages translate, values put back).
RATE_PROBLEM = "a sample rate of %(rate)s Hz cannot be delivered as MP3 (it takes %(rates)s Hz)"
#: Frames read at a time: a five-minute stereo file is measured and encoded in bounded memory.
BLOCK = 65_536
_NOT_MEASURED = Loudness(lufs=None, blocks=0, counted_blocks=0, relative_gate_lufs=None)


def asset_type(content_type: str | None) -> str | None:
    """The type a browser sent for an audio file, under the name the files and assets know it by."""
    bare = (content_type or "").split(";")[0].strip().lower()
    return TYPE_ALIASES.get(bare, content_type)


@dataclass(frozen=True, slots=True)
class AudioFacts:
    """What a file's samples say: duration (ms, decoded frames ÷ sample rate), format, and
    loudness (``loudness.py``: BS.1770-4 integrated loudness, its blocks and gate)."""

    duration_ms: int
    sample_rate: int
    channels: int
    format: str
    loudness: Loudness


@dataclass(slots=True)
class _Sound:
    rate: int
    channels: int
    format: str
    #: Blocks of frames, ``samples × channels`` floats scaled to ±1.
    blocks: Iterator[Any]


class Unreadable(Exception):
    """The file cannot be decoded as its type says."""


@contextmanager
def _decoded(data: bytes, content_type: str | None) -> Iterator[_Sound]:
    """The file's sound, decoded as it is read; :class:`Unreadable` when it cannot be, then or
    while its blocks are read."""
    demuxer = AAC_DEMUXERS.get(content_type or "")
    if demuxer is not None:
        with _aac(data, demuxer) as sound:
            yield sound
        return
    try:
        with soundfile.SoundFile(io.BytesIO(data)) as sound:
            blocks = sound.blocks(blocksize=BLOCK, dtype="float64", always_2d=True)
            yield _Sound(sound.samplerate, sound.channels, sound.format, blocks)
    except (soundfile.SoundFileError, RuntimeError, EOFError) as exc:
        raise Unreadable(str(exc)) from exc


@contextmanager
def _aac(data: bytes, demuxer: str) -> Iterator[_Sound]:
    import av  # imported on first use: only AAC needs FFmpeg

    try:
        with av.open(io.BytesIO(data), mode="r", format=demuxer) as container:
            streams = container.streams.audio
            if not streams or streams[0].codec_context.name != "aac":
                raise Unreadable("no AAC audio in the file")
            stream = streams[0]
            rate, channels = stream.rate, stream.channels
            # Frames as packed doubles at the stream's own rate and layout (AAC decodes to planar floats).
            resampler = av.AudioResampler(format="dbl", layout=stream.layout, rate=rate)

            def frames() -> Iterator[Any]:
                for frame in container.decode(stream):
                    for out in resampler.resample(frame):
                        yield out.to_ndarray().reshape(-1, channels)
                for out in resampler.resample(None):
                    yield out.to_ndarray().reshape(-1, channels)

            yield _Sound(rate, channels, "AAC", _in_blocks(frames(), channels))
    except av.error.FFmpegError as exc:
        raise Unreadable(str(exc)) from exc


def _in_blocks(frames: Iterator[Any], channels: int) -> Iterator[Any]:
    """Decoder frames (1,024 samples for AAC) gathered into blocks of about :data:`BLOCK`."""
    held: list[Any] = []
    count = 0
    for frame in frames:
        held.append(frame)
        count += len(frame)
        if count >= BLOCK:
            yield np.concatenate(held)
            held, count = [], 0
    if held:
        yield np.concatenate(held)


def audio_facts(data: bytes, content_type: str | None = None) -> AudioFacts | None:
    """Read a file's facts, or ``None`` when it cannot be decoded: AAC when ``content_type`` says
    so (``audio/mp4``, ``audio/aac``), else whatever libsndfile decodes (WAV, MP3, Ogg, FLAC).

    Loudness (``loudness.py``) needs a 400 ms block and at most five channels; a shorter file, or
    one with more channels, has none.
    """
    try:
        with _decoded(data, content_type) as sound:
            if sound.rate <= 0 or sound.channels <= 0:
                return None
            measurable = sound.channels <= len(CHANNEL_GAINS)
            meter = LoudnessMeter(sound.rate, sound.channels) if measurable else None
            frames = 0
            for block in sound.blocks:
                frames += len(block)
                if meter is not None:
                    meter.add(block)
            rate, channels, kind = sound.rate, sound.channels, sound.format
    except Unreadable:
        return None
    if frames == 0:
        return None
    loudness = meter.result() if meter is not None else _NOT_MEASURED
    return AudioFacts(round(frames * 1000 / rate), rate, channels, kind, loudness)


def delivery_problem(facts: AudioFacts) -> str | None:
    """Why a file cannot be encoded as the delivery format (``None``: it can)."""
    if facts.sample_rate not in MP3_RATES:
        rates = ", ".join(str(r) for r in sorted(MP3_RATES))
        return RATE_PROBLEM % {"rate": facts.sample_rate, "rates": rates}
    if facts.channels > 2:
        return "only mono and stereo files can be delivered as MP3"
    return None


def to_delivery(data: bytes, content_type: str | None = None) -> bytes:
    """The file (decoded as :func:`audio_facts` does) encoded as MP3, same sample rate and
    channels, block by block."""
    out = io.BytesIO()
    with (
        _decoded(data, content_type) as sound,
        soundfile.SoundFile(
            out, "w", samplerate=sound.rate, channels=sound.channels, format="MP3", subtype="MPEG_LAYER_III"
        ) as encoded,
    ):
        for block in sound.blocks:
            encoded.write(block.astype(np.float32))
    return out.getvalue()
