"""Reports in every supported format, generated for tests: each holds one fact only it has."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from index.reading import ingest

FILLER = "园区坚持高质量发展，推进产业升级和城市更新，持续优化营商环境，服务企业和群众。"


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for para in text.split("\n\n"):
        document.add_paragraph(para)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pdf_bytes(text: str) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 11)
    for i, line in enumerate(text.split("\n")):
        c.drawString(40, 800 - 16 * i, line)
    c.save()
    return buf.getvalue()


def html_bytes(title: str, text: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (f"<html><head><title>{title}</title><meta name='date' content='2022-01-15'></head>"
            f"<body><nav>首页 | 新闻</nav><article><h1>{title}</h1>{paras}</article>"
            f"<footer>版权所有</footer></body></html>").encode("utf-8")


# One fact that is only in each file, and how a citizen would ask for it.
CASES = {
    "report.txt": ("2021年,昆山高新区新建口袋公园18座。", "2021年新建了几座口袋公园", "18座"),
    "report.docx": ("2021年,昆山高新区引进博士后研究人员36名。", "2021年引进了多少名博士后研究人员", "36名"),
    "report.pdf": ("2021年,昆山高新区新增公共充电桩450个。", "2021年新增公共充电桩多少个", "450个"),
    "report.html": ("2021年,昆山高新区举办线上招聘会27场。", "2021年举办了几场线上招聘会", "27场"),
}


def report_file(name: str, fact: str) -> bytes:
    title = f"昆山高新区2021年工作报告（{Path(name).suffix[1:]}）"
    body = f"{title}\n\n{fact}{FILLER}\n\n发布日期：2022年1月15日。"
    if name.endswith(".docx"):
        return docx_bytes(body)
    if name.endswith(".pdf"):
        return pdf_bytes(body.replace("\n\n", "\n"))
    if name.endswith(".html"):
        return html_bytes(title, f"{fact}{FILLER}\n\n发布日期：2022年1月15日。")
    return body.encode("utf-8")


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (ingest.MAX_UNZIPPED + 1))
    return buf.getvalue()
