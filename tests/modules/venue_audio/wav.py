"""Test audio made in the test: a PCM WAV sine tone (the standard library), and the same tone as
AAC in an M4A file or an ADTS stream (encoded by FFmpeg through PyAV, as a phone or an editor
would export it)."""

from __future__ import annotations

import io
import math
import struct
import wave

import av
import numpy as np

#: −23 dBFS (peak): the level of EBU Tech 3341's first test signal, a 1 kHz sine in both channels
#: that measures −23.0 LUFS.
MINUS_23_DBFS = 10 ** (-23 / 20)


def sine_wav(
    seconds: float = 1.0,
    rate: int = 8000,
    amplitude: float = 0.5,
    channels: int = 1,
    frequency: float = 440.0,
) -> bytes:
    """A sine at ``amplitude`` of full scale, 16-bit PCM, the same in every channel (RMS =
    amplitude ÷ √2)."""
    frames = int(seconds * rate)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        samples = (
            round(amplitude * 32767 * math.sin(2 * math.pi * frequency * i / rate)) for i in range(frames)
        )
        writer.writeframes(b"".join(struct.pack("<h", s) * channels for s in samples))
    return buffer.getvalue()


def sine_aac(
    seconds: float = 3.0,
    rate: int = 48000,
    amplitude: float = MINUS_23_DBFS,
    channels: int = 2,
    container: str = "ipod",
    codec: str = "aac",
) -> bytes:
    """A 1 kHz sine encoded by FFmpeg: AAC in an M4A file (``ipod``, the muxer of ``.m4a``) or an
    ADTS stream (``adts``, ``.aac``); ``codec`` another codec for files that are not AAC."""
    times = np.arange(int(seconds * rate)) / rate
    tone = (amplitude * np.sin(2 * np.pi * 1000 * times)).astype(np.float32)
    layout = "mono" if channels == 1 else "stereo"
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate, layout=layout)
        sample_format = stream.codec_context.format.name
        planes = np.tile(tone, (channels, 1))
        if sample_format.startswith("s32"):  # ALAC takes 32-bit integers
            planes = (planes * 2**31).astype(np.int32)
        if not sample_format.endswith("p"):  # packed: one row, channels interleaved
            planes = planes.T.reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(planes, format=sample_format, layout=layout)
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buffer.getvalue()
