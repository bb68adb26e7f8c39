"""The status chart: horizontal bars drawn with reportlab graphics, legible in black-and-white print."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color, black

from .fonts import ReportFonts
from .summary import Counts

# Overdue measures also count under their status: the bar says it is a part of those above, so
# its share is not read as a fifth status (the shares of all five would add up past 100%).
OVERDUE_BAR = "其中：逾期"
# Lightness differs bar to bar so the chart still reads on a monochrome office printer.
BAR_COLOURS = {
    "已完成": Color(0.12, 0.31, 0.47),
    "推进中": Color(0.36, 0.61, 0.84),
    "未启动": Color(0.74, 0.84, 0.93),
    "暂缓": Color(0.65, 0.65, 0.65),
    OVERDUE_BAR: Color(0.75, 0.0, 0.0),
}
GRID = Color(0.8, 0.8, 0.8)


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def status_chart(counts: Counts, fonts: ReportFonts, width: float, height: float) -> Drawing:
    """Bars by status plus a red bar for overdue measures (which also count under their status)."""
    bars = [*counts.by_status(), (OVERDUE_BAR, counts.overdue)]
    # The renderer starts every drawing in Helvetica unless told otherwise, which would put an
    # unembedded font into the PDF.
    d = Drawing(width, height, initialFontName=fonts.body.name, initialFontSize=9)
    label_w = 64.0
    value_w = 40.0
    top_pad, bottom_pad = 6.0, 20.0
    plot_x = label_w
    plot_w = width - label_w - value_w
    plot_h = height - top_pad - bottom_pad
    slot = plot_h / len(bars)
    bar_h = min(slot * 0.6, 18.0)
    top = max([v for _l, v in bars] + [1])
    step = _nice_step(top)
    axis_max = ((top + step - 1) // step) * step
    scale = plot_w / axis_max
    face = fonts.body.name

    tick = 0
    while tick <= axis_max:
        x = plot_x + tick * scale
        d.add(Line(x, bottom_pad, x, bottom_pad + plot_h, strokeColor=GRID, strokeWidth=0.5))
        d.add(String(x, bottom_pad - 12, str(tick), fontName=face, fontSize=8, textAnchor="middle"))
        tick += step
    d.add(Line(plot_x, bottom_pad, plot_x, bottom_pad + plot_h, strokeColor=black, strokeWidth=0.8))

    for i, (label, value) in enumerate(bars):
        y_mid = bottom_pad + plot_h - (i + 0.5) * slot
        d.add(String(plot_x - 6, y_mid - 4, label, fontName=face, fontSize=10, textAnchor="end"))
        if value:
            d.add(
                Rect(
                    plot_x, y_mid - bar_h / 2, value * scale, bar_h,
                    fillColor=BAR_COLOURS[label], strokeColor=None,
                )
            )  # fmt: skip
        share = f"{value * 100 / counts.total:.0f}%" if counts.total else ""
        text = f"{value}项 {share}".strip()
        d.add(String(plot_x + value * scale + 4, y_mid - 4, text, fontName=face, fontSize=9))
    return d


def drawing_png(drawing: Drawing, fonts: ReportFonts, dpi: int = 200) -> bytes:
    """The chart as a PNG, for the Word report.

    reportlab's own bitmap renderer (renderPM) needs a C extension or pycairo that is not among
    the dependencies; the chart is only rectangles, lines and strings, which Pillow draws from
    the same Drawing, in the same fonts.
    """
    from io import BytesIO

    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72.0
    width, height = round(drawing.width * scale), round(drawing.height * scale)
    image = Image.new("RGB", (width, height), "white")
    pen = ImageDraw.Draw(image)
    faces = {face.name: face for face in fonts.faces()}
    loaded: dict[tuple[str, float], ImageFont.FreeTypeFont] = {}

    def colour(c: Color | None) -> tuple[int, int, int] | None:
        if c is None:
            return None
        return (round(c.red * 255), round(c.green * 255), round(c.blue * 255))

    def y(v: float) -> float:
        return height - v * scale

    for shape in drawing.contents:
        if isinstance(shape, Rect):
            box = (shape.x * scale, y(shape.y + shape.height), (shape.x + shape.width) * scale,
                   y(shape.y))  # fmt: skip
            pen.rectangle(box, fill=colour(shape.fillColor), outline=colour(shape.strokeColor))
        elif isinstance(shape, Line):
            pen.line(
                (shape.x1 * scale, y(shape.y1), shape.x2 * scale, y(shape.y2)),
                fill=colour(shape.strokeColor),
                width=max(1, round(shape.strokeWidth * scale)),
            )
        elif isinstance(shape, String):
            face = faces.get(shape.fontName, fonts.body)
            key = (face.name, shape.fontSize)
            if key not in loaded:
                loaded[key] = ImageFont.truetype(str(face.path), round(shape.fontSize * scale))
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(shape.textAnchor, "ls")
            pen.text(
                (shape.x * scale, y(shape.y)),
                shape.text,
                font=loaded[key],
                fill=colour(shape.fillColor) or (0, 0, 0),
                anchor=anchor,
            )
    out = BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()
