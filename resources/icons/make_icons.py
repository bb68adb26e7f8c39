"""Draws the program icon (a red seal with 台账; a check mark at small sizes) as PNG and ICO.

Run from the repository root: .venv/bin/python resources/icons/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "wqy-microhei.ttc"
RED = (200, 16, 46, 255)  # the red of official seals and 红头文件
WHITE = (255, 255, 255, 255)
SIZES = (16, 24, 32, 48, 64, 128, 256)
SCALE = 4  # drawn large, then reduced, for smooth edges


def draw(size: int) -> Image.Image:
    big = size * SCALE
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    margin = big * 0.04
    radius = big * 0.14
    d.rounded_rectangle([margin, margin, big - margin, big - margin], radius, fill=RED)
    if size >= 48:
        # A seal: a thin white frame and the two characters side by side.
        inset = big * 0.12
        d.rounded_rectangle(
            [inset, inset, big - inset, big - inset],
            radius * 0.5,
            outline=WHITE,
            width=max(int(big * 0.035), 1),
        )
        font = ImageFont.truetype(str(FONT), int(big * 0.36), index=0)
        text = "台账"
        stroke = max(int(big * 0.012), 1)  # heavier strokes, as carved in a seal
        box = d.textbbox((0, 0), text, font=font, stroke_width=stroke)
        w, h = box[2] - box[0], box[3] - box[1]
        d.text(
            ((big - w) / 2 - box[0], (big - h) / 2 - box[1]),
            text,
            font=font,
            fill=WHITE,
            stroke_width=stroke,
            stroke_fill=WHITE,
        )
    else:
        # Too small for characters: a bold check mark.
        pts = [(0.24, 0.53), (0.42, 0.71), (0.77, 0.31)]
        d.line(
            [(x * big, y * big) for x, y in pts],
            fill=WHITE,
            width=int(big * 0.14),
            joint="curve",
        )
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    images = {size: draw(size) for size in SIZES}
    for size, img in images.items():
        img.save(HERE / f"luoshi-{size}.png", optimize=True)
    images[256].save(HERE / "luoshi.png", optimize=True)
    # One .ico holding every size, each drawn for its size (not scaled from the largest).
    images[256].save(
        HERE / "luoshi.ico",
        sizes=[(s, s) for s in SIZES],
        append_images=[images[s] for s in SIZES if s != 256],
    )


if __name__ == "__main__":
    main()
