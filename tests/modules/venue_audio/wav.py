"""Test audio: a PCM WAV sine tone made with the standard library."""

from __future__ import annotations

import io
import math
import struct
import wave


def sine_wav(seconds: float = 1.0, rate: int = 8000, amplitude: float = 0.5, channels: int = 1) -> bytes:
    """A 440 Hz sine at ``amplitude`` of full scale, 16-bit PCM (RMS = amplitude ÷ √2)."""
    frames = int(seconds * rate)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        samples = (round(amplitude * 32767 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(frames))
        writer.writeframes(b"".join(struct.pack("<h", s) * channels for s in samples))
    return buffer.getvalue()
