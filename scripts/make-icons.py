#!/usr/bin/env python3
"""Draws the Briques PNG icons (the same three bricks as www/icons/icon.svg) with the
standard library only, so the icons are made by the project and rebuildable offline.

Usage: python3 scripts/make-icons.py   (writes www/icons/icon-*.png)
"""
import struct
import zlib
from pathlib import Path

BLUE = (0x0B, 0x4F, 0x9C)
OUTLINE = (0x0A, 0x2A, 0x4F)
ORANGE = (0xE6, 0x9F, 0x00)
SKY = (0x56, 0xB4, 0xE9)
YELLOW = (0xF0, 0xE4, 0x42)

# Rectangles in the 64-unit design space of icon.svg: (x, y, w, h, colour).
BRICKS = [
    (10, 38, 20, 14, ORANGE), (34, 38, 20, 14, SKY), (22, 22, 20, 14, YELLOW),
    (14, 34, 5, 4, ORANGE), (21, 34, 5, 4, ORANGE), (38, 34, 5, 4, SKY),
    (45, 34, 5, 4, SKY), (26, 18, 5, 4, YELLOW), (33, 18, 5, 4, YELLOW),
]


def draw(size, inset=0.0, rounded=True):
    """Returns rows of RGBA pixels. `inset` shrinks the drawing (maskable safe zone)."""
    scale = size / 64.0
    pixels = [[(0, 0, 0, 0)] * size for _ in range(size)]
    radius = 12 * scale if rounded else 0
    for py in range(size):
        for px in range(size):
            x, y = px + 0.5, py + 0.5
            # Rounded square background.
            cx = min(max(x, radius), size - radius)
            cy = min(max(y, radius), size - radius)
            if (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2:
                pixels[py][px] = BLUE + (255,)
    shrink = 1.0 - 2 * inset
    offset = inset * 64
    stroke = 1.5 * scale * shrink
    for (bx, by, bw, bh, colour) in BRICKS:
        x0 = (offset + bx * shrink) * scale
        y0 = (offset + by * shrink) * scale
        x1 = x0 + bw * shrink * scale
        y1 = y0 + bh * shrink * scale
        for py in range(int(y0), min(size, int(y1) + 1)):
            for px in range(int(x0), min(size, int(x1) + 1)):
                x, y = px + 0.5, py + 0.5
                if x0 <= x <= x1 and y0 <= y <= y1:
                    edge = min(x - x0, x1 - x, y - y0, y1 - y) < stroke / 2 + 0.5
                    pixels[py][px] = (OUTLINE if edge else colour) + (255,)
    return pixels


def write_png(path, pixels):
    size = len(pixels)
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    Path(path).write_bytes(png)


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "www" / "icons"
    write_png(out / "icon-192.png", draw(192))
    write_png(out / "icon-512.png", draw(512))
    write_png(out / "icon-maskable-512.png", draw(512, inset=0.1, rounded=False))
    print("icons written to", out)
