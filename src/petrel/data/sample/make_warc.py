"""Build ``sample.warc.gz``, the web-archive part of petrel's sample corpus.

The three articles below were written for petrel (fictionalised news, not copied from any outlet).
Each becomes a full HTML page stored as a WARC ``response`` record, after a ``warcinfo`` record.
Dates and record ids are fixed, so re-running the script rebuilds the same archive:

    python src/petrel/data/sample/make_warc.py            # writes articles/sample.warc.gz beside this file
    python src/petrel/data/sample/make_warc.py OUT.warc.gz
"""

from __future__ import annotations

import html
import io
import logging
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

log = logging.getLogger(__name__)

WARC_NAME = "sample.warc.gz"
_ID_NAMESPACE = uuid.UUID("6f1d1c52-7a4e-4d43-9a51-1f0c3b8e2a10")


@dataclass(frozen=True)
class WebArticle:
    url: str
    outlet: str
    section: str
    published: str  # ISO 8601 with offset
    crawled: str  # WARC-Date, UTC
    title: str
    paragraphs: tuple[str, ...]


ARTICLES: tuple[WebArticle, ...] = (
    WebArticle(
        url="https://sahelmonitor.example/2024/09/18/bamako-attack",
        outlet="Sahel Monitor", section="Mali", published="2024-09-18T08:00:00+00:00",
        crawled="2024-09-18T10:12:03Z",
        title="Jihadists attack gendarmerie school and airport in Bamako",
        paragraphs=(
            "BAMAKO - Fighters from the al-Qaeda-linked group JNIM attacked a gendarmerie training school and "
            "the military part of the airport in Mali's capital on Tuesday, the boldest assault on Bamako in "
            "almost a decade.",
            "Security sources said more than 70 people had been killed, most of them trainee gendarmes. The "
            "attackers set fire to a presidential aircraft parked on the tarmac. JNIM claimed that its fighters "
            "had killed hundreds of soldiers, a figure the army disputed.",
            "The army said it had neutralised the attackers and arrested about 20 suspects. Government "
            "spokesman Colonel Abdoulaye Maïga accused \"terrorist groups backed by foreign sponsors\" of "
            "trying to destabilise the country.",
            "The governments of Burkina Faso and Niger condemned the attack and expressed solidarity with "
            "Mali. Russia's embassy in Bamako also voiced its support for the authorities.",
            "Mali's military seized power in coups in 2020 and 2021 and pushed French troops out of the "
            "country in 2022.",
        ),
    ),
    WebArticle(
        url="https://lakechadjournal.example/politics/last-french-troops-leave-chad",
        outlet="Lake Chad Journal", section="Politics", published="2025-01-31T09:00:00+01:00",
        crawled="2025-01-31T11:40:27Z",
        title="Last French troops leave Chad, ending decades of military presence",
        paragraphs=(
            "N'DJAMENA - France handed over its last military base in Chad on Thursday, completing the "
            "withdrawal of about 1,000 soldiers two months after N'Djamena ended its defence cooperation "
            "agreement with Paris.",
            "French troops left the Sergent Adji Kossei base in the capital at a ceremony attended by Chadian "
            "army chiefs. President Mahamat Idriss Déby had rejected French proposals to keep a smaller "
            "training mission in the country.",
            "French President Emmanuel Macron said France had not been pushed out and accused African leaders "
            "of ingratitude for French help against jihadists. Chad's foreign minister, Abderaman "
            "Koulamallah, condemned the remark as contemptuous.",
            "Senegal has also asked France to close its bases on its territory by the end of 2025.",
            "Chad has hosted French forces almost continuously since independence in 1960, and French jets "
            "helped repel a rebel offensive on N'Djamena in 2008.",
        ),
    ),
    WebArticle(
        url="https://zambezitimes.example/news/maputo-protests-police-fire",
        outlet="Zambezi Times", section="Mozambique", published="2024-11-08T07:30:00+02:00",
        crawled="2024-11-08T09:05:51Z",
        title="Mozambique police fire on protesters in Maputo as election anger grows",
        paragraphs=(
            "MAPUTO - Police in Mozambique fired tear gas and live rounds at thousands of protesters in "
            "Maputo on Thursday, killing at least three people, rights groups said, in the largest "
            "demonstration yet against the result of the October 9 election.",
            "Opposition candidate Venâncio Mondlane, who says the vote was rigged in favour of the ruling "
            "Frelimo party's Daniel Chapo, had called on his supporters to march on the capital. Shops and "
            "banks stayed shut, and the border crossing with South Africa at Ressano Garcia was closed.",
            "Human Rights Watch said police had killed at least 18 people since the protests began in late "
            "October. Mondlane, who left the country after two of his aides were shot dead in Maputo on "
            "October 19, urged supporters to continue a nationwide strike.",
            "The Southern African Development Community called for calm and offered to mediate. President "
            "Filipe Nyusi said he was ready to meet the opposition candidates.",
            "Rwandan troops have been deployed in the northern province of Cabo Delgado since 2021, fighting "
            "an Islamic State-linked insurgency alongside Mozambican forces.",
        ),
    ),
)


def render_page(article: WebArticle) -> str:
    """A complete HTML page with the boilerplate a scraper meets (navigation, share links, footer)."""
    esc = html.escape
    body = "\n".join(f"      <p>{esc(p, quote=False)}</p>" for p in article.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc(article.title)} | {esc(article.outlet)}</title>
  <meta property="og:site_name" content="{esc(article.outlet)}">
  <meta property="og:title" content="{esc(article.title)}">
  <meta property="og:url" content="{esc(article.url)}">
  <meta property="article:published_time" content="{article.published}">
  <meta property="article:section" content="{esc(article.section)}">
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/opinion">Opinion</a> | <a href="/subscribe">Subscribe</a></nav>
  <main>
    <article>
      <h1>{esc(article.title)}</h1>
      <p class="byline">{esc(article.outlet)} staff | {article.published[:10]}</p>
{body}
    </article>
    <aside><h2>Most read</h2><ul><li><a href="/markets">Markets close higher</a></li><li><a href="/sport">Weekend football results</a></li></ul></aside>
  </main>
  <footer><p>Share: Facebook | X | WhatsApp</p><p>&copy; 2025 {esc(article.outlet)}. All rights reserved.</p></footer>
</body>
</html>
"""


def _record_id(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(_ID_NAMESPACE, name)}>"


def _write_warcinfo(writer: WARCWriter, filename: str) -> None:
    fields = {"software": "petrel sample corpus (make_warc.py)", "format": "WARC File Format 1.0",
              "description": "Fictionalised news pages written for petrel's sample corpus"}
    payload = "".join(f"{k}: {v}\r\n" for k, v in fields.items()).encode("utf-8")
    headers = {"WARC-Date": "2025-02-01T00:00:00Z", "WARC-Record-ID": _record_id("warcinfo"),
               "WARC-Filename": filename}
    record = writer.create_warc_record("", "warcinfo", payload=io.BytesIO(payload), length=len(payload),
                                       warc_content_type="application/warc-fields", warc_headers_dict=headers)
    writer.write_record(record)


def _write_page(writer: WARCWriter, article: WebArticle) -> None:
    page = render_page(article).encode("utf-8")
    http_headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(page)))], protocol="HTTP/1.1")
    headers = {"WARC-Date": article.crawled, "WARC-Record-ID": _record_id(article.url)}
    record = writer.create_warc_record(article.url, "response", payload=io.BytesIO(page), length=len(page),
                                       http_headers=http_headers, warc_headers_dict=headers)
    writer.write_record(record)


def write_warc(path: Path) -> Path:
    """Write the archive to ``path`` (gzip-compressed, one member per record) and return it."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        _write_warcinfo(writer, path.name)
        for article in ARTICLES:
            _write_page(writer, article)
    log.info("wrote %s (%d pages)", path, len(ARTICLES))
    return path


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    target = Path(argv[0]) if argv else Path(__file__).parent / "articles" / WARC_NAME
    write_warc(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
