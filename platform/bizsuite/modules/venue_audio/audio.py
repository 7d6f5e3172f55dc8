"""Audio files of venue audio, read and encoded with libsndfile (``soundfile``, whose wheels bundle
it): what a file says (duration, format, loudness) and the one format players receive (MP3).

Plain functions over bytes; they are CPU work, so services call them in a worker thread.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import soundfile  # type: ignore[import-untyped]

#: The types an asset may be uploaded as (what libsndfile decodes); AAC/MP4 is not among them.
ASSET_TYPES = frozenset({"audio/wav", "audio/x-wav", "audio/mpeg", "audio/ogg", "audio/flac"})
#: The one format every player receives: MP3 (a file uploaded as MP3 is delivered as it is).
DELIVERY_TYPE = "audio/mpeg"
#: The sample rates MP3 (MPEG-1/2/2.5 layer III) can carry.
MP3_RATES = frozenset({8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000})
#: Why a file's sample rate is refused (a sentence the pages translate, values put back).
RATE_PROBLEM = "a sample rate of %(rate)s Hz cannot be delivered as MP3 (it takes %(rates)s Hz)"
#: Frames read at a time: a five-minute stereo file is measured and encoded in bounded memory.
BLOCK = 65_536


@dataclass(frozen=True, slots=True)
class AudioFacts:
    """What a file's samples say: duration (ms, decoded frames ÷ sample rate), format, and loudness
    as the RMS level in dBFS over every sample of every channel (``None`` for silence)."""

    duration_ms: int
    sample_rate: int
    channels: int
    format: str
    rms_dbfs: float | None


def _open(data: bytes) -> soundfile.SoundFile:
    return soundfile.SoundFile(io.BytesIO(data))


def audio_facts(data: bytes) -> AudioFacts | None:
    """Read a WAV, MP3, Ogg or FLAC file's facts, or ``None`` when libsndfile cannot decode it.

    RMS dBFS = 20·log10(√(mean of squared samples)), samples scaled to ±1 (for 16-bit PCM that is
    20·log10(RMS ÷ 32768)): a tone at half of full scale is about −9.0 dBFS.
    """
    try:
        with _open(data) as sound:
            frames = 0
            squares = 0.0
            for block in sound.blocks(blocksize=BLOCK, dtype="float64", always_2d=True):
                frames += len(block)
                squares += float((block * block).sum())
            rate, channels, kind = sound.samplerate, sound.channels, sound.format
    except (soundfile.SoundFileError, RuntimeError, EOFError):
        return None
    if rate <= 0 or channels <= 0 or frames == 0:
        return None
    mean_square = squares / (frames * channels)
    level = round(20 * math.log10(math.sqrt(mean_square)), 1) if mean_square > 0 else None
    return AudioFacts(round(frames * 1000 / rate), rate, channels, kind, level)


def delivery_problem(facts: AudioFacts) -> str | None:
    """Why a file cannot be encoded as the delivery format (``None``: it can)."""
    if facts.sample_rate not in MP3_RATES:
        rates = ", ".join(str(r) for r in sorted(MP3_RATES))
        return RATE_PROBLEM % {"rate": facts.sample_rate, "rates": rates}
    if facts.channels > 2:
        return "only mono and stereo files can be delivered as MP3"
    return None


def to_delivery(data: bytes) -> bytes:
    """The file encoded as MP3 (same sample rate and channels), block by block."""
    out = io.BytesIO()
    with (
        _open(data) as sound,
        soundfile.SoundFile(
            out,
            "w",
            samplerate=sound.samplerate,
            channels=sound.channels,
            format="MP3",
            subtype="MPEG_LAYER_III",
        ) as encoded,
    ):
        for block in sound.blocks(blocksize=BLOCK, dtype="float32", always_2d=True):
            encoded.write(block)
    return out.getvalue()
