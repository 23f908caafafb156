"""Fuzz every reader with generated and mangled files (a stress run, not a test).

    .venv/bin/python bench/stress/fuzz_readers.py [--cases 100000] [--readers jsonl,csv,warc,text] [--seed 13]
                                                  [--minutes M] [--out FILE] [--quick]

For each reader, ``--cases`` inputs are made from a seeded random generator: well-formed records,
hostile ones (deep nesting, huge numbers, over-long lines, missing WARC target URIs, gzip bombs made
small, NULs, invalid UTF-8, CRLF, byte order marks) and random mutations of both (byte flips, inserts,
cuts, repeated slices). Each is written to a file and read with ``iter_inputs`` under low limits (so the
limit paths are taken often) and an alarm of 10 s per case.

A case FAILS when anything escapes ``iter_inputs``, when it yields something that is not a document or
a rejection, when a document is longer than the limit, or when it hangs past the alarm. Caught reader
bugs (E209 rejections) are counted apart: they cost one record each, but each is a bug to look at.
Prints one line per reader and writes ``bench/results/stress_fuzz.json``; failing inputs are kept in
``bench/results/fuzz_failures/``. ``--quick`` runs 2,000 cases per reader; ``--minutes`` stops each
reader after that long and reports the cases it ran. Exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from petrel.config import Settings
from petrel.ingest import iter_inputs
from petrel.models import RawDocument, Rejection

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
LIMITS = Settings(max_file_bytes=200_000, max_header_bytes=20_000, max_decompressed_bytes=5_000_000,
                  max_json_depth=32, max_json_number_digits=40)
ALARM_SECONDS = 10
WORDS = ("envoys", "met", "in", "the", "capital", "on", "Tuesday", "troops", "shelled", "border", "town",
         "police", "arrested", "protesters", "said", "ministry", "Lakeport", "Norland", "ceasefire", "talks")


class Hung(Exception):
    """Raised by the alarm: the case ran past ALARM_SECONDS."""


# ---------------------------------------------------------------- generators


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 30))).capitalize() + "."


def noise(rng: random.Random, n: int) -> bytes:
    return bytes(rng.getrandbits(8) for _ in range(n))


def json_value(rng: random.Random, depth: int = 0) -> object:
    kind = rng.randint(0, 9 if depth < 4 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.randint(-10**12, 10**12)
    if kind == 3:
        return rng.uniform(-1e9, 1e9)
    if kind in (4, 5):
        return sentence(rng) if rng.random() < 0.7 else "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(10))
    if kind in (6, 7):
        return [json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(("text", "id", "title", "url", "published", "outlet", "x")): json_value(rng, depth + 1)
            for _ in range(rng.randint(0, 4))}


def jsonl_line(rng: random.Random) -> bytes:
    pick = rng.random()
    if pick < 0.45:
        record = {"text": sentence(rng) + " " + sentence(rng)}
        for key in ("id", "title", "published", "outlet", "url"):
            if rng.random() < 0.4:
                record[key] = json_value(rng) if rng.random() < 0.3 else sentence(rng)[:30]
        return json.dumps(record, ensure_ascii=rng.random() < 0.5).encode("utf-8")
    if pick < 0.6:
        return json.dumps(json_value(rng)).encode()
    if pick < 0.68:
        n = rng.choice((10, 40, 1_000, 100_000))
        return (b"[" * n + b"]" * n) if rng.random() < 0.5 else (b'{"a":' * n + b"1" + b"}" * n)
    if pick < 0.75:
        digits = rng.choice((20, 41, 5_000, 50_000))
        return b'{"text": "x y z", "n": ' + b"9" * digits + (b".5e3" if rng.random() < 0.3 else b"") + b"}"
    if pick < 0.8:
        return b'{"text": "' + b"a " * rng.choice((1_000, 150_000)) + b'"}'
    if pick < 0.9:
        return noise(rng, rng.randint(0, 200))
    return sentence(rng).encode()


def jsonl_file(rng: random.Random) -> tuple[str, bytes]:
    sep = rng.choice((b"\n", b"\r\n", b"\n\n"))
    data = sep.join(jsonl_line(rng) for _ in range(rng.randint(0, 8)))
    if rng.random() < 0.05:
        data = b"\xef\xbb\xbf" + data
    return rng.choice(("f.jsonl", "f.ndjson")), data


def csv_cell(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.5:
        return sentence(rng)
    if pick < 0.6:
        return '"' + sentence(rng).replace('"', '""') + '"'
    if pick < 0.7:
        return rng.choice(('"', '""', '"a,b', "a\nb", "\x00", "\r", ",", "\t"))
    if pick < 0.75:
        return "x" * rng.choice((10, 140_000))
    return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 12)))


def csv_file(rng: random.Random) -> tuple[str, bytes]:
    tsv = rng.random() < 0.3
    sep = "\t" if tsv else ","
    names = ["text", "body", "title", "published", "id", "outlet", "url", "x", ""]
    header = rng.sample(names, rng.randint(1, 5))
    rows = [sep.join(csv_cell(rng) for _ in range(rng.randint(0, len(header) + 1))) for _ in range(rng.randint(0, 6))]
    text = rng.choice(("\n", "\r\n")).join([sep.join(header)] + rows)
    data = text.encode("utf-8", "surrogatepass")
    return ("f.tsv" if tsv else "f.csv"), data


def http_block(rng: random.Random) -> bytes:
    body = ("<html><head><title>" + sentence(rng) + "</title></head><body><article><p>" + sentence(rng)
            + " " + sentence(rng) + "</p></article></body></html>").encode()
    if rng.random() < 0.1:
        body = noise(rng, rng.randint(0, 300))
    headers = [b"Content-Type: " + rng.choice((b"text/html; charset=utf-8", b"text/plain", b"image/png", b""))]
    pick = rng.random()
    if pick < 0.1:
        body = gzip.compress(body)
        headers.append(b"Content-Encoding: gzip")
    elif pick < 0.2:
        body = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 50]), body[i:i + 50]) for i in range(0, len(body), 50)) + b"0\r\n\r\n"
        headers.append(b"Transfer-Encoding: chunked")
    elif pick < 0.25:
        headers.append(b"X-Long: " + b"a" * rng.choice((100, 30_000)))
    elif pick < 0.28:
        body = b"<html>" + bytes(rng.choice((10_000, 3_000_000)))  # a bomb once compressed
    status = rng.choice((b"200 OK", b"200 OK", b"404 Not Found", b"301 Moved", b"OK", b""))
    return b"HTTP/1.1 " + status + b"\r\n" + b"\r\n".join(headers) + b"\r\n\r\n" + body


def warc_record(rng: random.Random) -> bytes:
    block = http_block(rng)
    rec_type = rng.choice((b"response", b"response", b"response", b"resource", b"request", b"metadata"))
    head = [b"WARC/1.0", b"WARC-Type: " + rec_type, b"WARC-Record-ID: <urn:uuid:%d>" % rng.randint(0, 10**9)]
    if rng.random() < 0.9:
        head.append(b"WARC-Target-URI: " + rng.choice((b"https://x.test/a", b"http://y.test/b?c=d", b"dns:x.test",
                                                       b"<https://z.test/>", b"https://a b.test/")))
    length = len(block)
    if rng.random() < 0.08:
        length = rng.choice((0, length - 5, length + 50, -1, 10**12))
    head.append(b"Content-Length: %d" % length if rng.random() < 0.95 else b"Content-Length: abc")
    if rec_type == b"resource":
        head.append(b"Content-Type: text/html")
    return b"\r\n".join(head) + b"\r\n\r\n" + block + b"\r\n\r\n"


def warc_file(rng: random.Random) -> tuple[str, bytes]:
    records = [warc_record(rng) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.75:
        data = b"".join(gzip.compress(r) for r in records) if rng.random() < 0.8 else gzip.compress(b"".join(records))
        return "f.warc.gz", data
    return "f.warc", b"".join(records)


def page_file(rng: random.Random) -> tuple[str, bytes]:
    pick = rng.random()
    if pick < 0.4:
        depth = rng.choice((1, 5, 200, 5_000))
        data = ("<html><body>" + "<div>" * depth + "<p>" + sentence(rng) + " " + sentence(rng) + "</p>"
                + "</div>" * depth + "</body></html>").encode()
    elif pick < 0.7:
        data = ("\n".join(sentence(rng) for _ in range(rng.randint(1, 8)))).encode()
    elif pick < 0.8:
        data = b"<!DOCTYPE html><html>" + noise(rng, rng.randint(0, 500))
    else:
        data = noise(rng, rng.randint(0, 400))
    return rng.choice(("p.html", "p.htm", "n.txt", "noext")), data


def mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not buf:
            buf += noise(rng, 5)
        op, at = rng.random(), rng.randrange(len(buf))
        if op < 0.4:
            buf[at] = rng.getrandbits(8)
        elif op < 0.6:
            buf[at:at] = noise(rng, rng.randint(1, 20))
        elif op < 0.75:
            del buf[at:at + rng.randint(1, 50)]
        elif op < 0.85:
            buf = buf[:at]
        else:
            end = min(len(buf), at + rng.randint(1, 200))
            buf[at:at] = buf[at:end] * rng.randint(1, 20)
    return bytes(buf)


GENERATORS: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    "jsonl": jsonl_file, "csv": csv_file, "warc": warc_file, "text": page_file}


# ---------------------------------------------------------------- the run


def one_case(path: Path, data: bytes) -> tuple[Counter, list[str]]:
    path.write_bytes(data)
    codes: Counter = Counter()
    problems: list[str] = []
    for item in iter_inputs([str(path)], LIMITS):
        if isinstance(item, RawDocument):
            codes["doc"] += 1
            if len(item.text) > LIMITS.max_file_bytes:
                problems.append(f"document of {len(item.text):,} characters")
        elif isinstance(item, Rejection):
            codes[item.code] += 1
            if item.code == "E209":
                codes["E209:" + item.reason[:80]] += 1
        else:
            problems.append(f"yielded {type(item).__name__}")
    return codes, problems


def fuzz(reader: str, cases: int, seed: int, folder: Path, minutes: float | None = None) -> dict[str, object]:
    rng = random.Random(f"{seed}-{reader}")
    totals: Counter = Counter()
    failures: list[dict[str, str]] = []
    slowest = 0.0
    started = time.perf_counter()
    done = 0
    for case in range(cases):
        if minutes is not None and time.perf_counter() - started > 60 * minutes:
            break
        done += 1
        name, data = GENERATORS[reader](rng)
        if rng.random() < 0.5:
            data = mutate(rng, data)
        path = folder / name
        began = time.perf_counter()
        signal.alarm(ALARM_SECONDS)
        try:
            codes, problems = one_case(path, data)
        except Hung:
            codes, problems = Counter(), [f"hung past {ALARM_SECONDS} s"]
        except BaseException as exc:  # noqa: BLE001 (the point: nothing may escape)
            if isinstance(exc, KeyboardInterrupt):
                raise
            codes, problems = Counter(), [f"raised {type(exc).__name__}: {exc}"[:300] + "\n" + traceback.format_exc()[-800:]]
        finally:
            signal.alarm(0)
        slowest = max(slowest, time.perf_counter() - began)
        totals.update(codes)
        if problems:
            failures.append({"case": str(case), "file": name, "problems": "; ".join(problems)})
            keep = RESULTS / "fuzz_failures"
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"{reader}-{case}-{name}").write_bytes(data)
    seconds = time.perf_counter() - started
    bugs = {k[5:]: v for k, v in totals.items() if k.startswith("E209:")}
    codes = {k: v for k, v in sorted(totals.items()) if not k.startswith("E209:")}
    return {"reader": reader, "cases": done, "seconds": round(seconds, 1), "slowest_case_s": round(slowest, 3),
            "yielded": codes, "failures": len(failures), "failure_samples": failures[:20],
            "caught_reader_errors_E209": bugs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--readers", default=",".join(GENERATORS))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--minutes", type=float, default=None, help="time budget per reader")
    parser.add_argument("--out", type=Path, default=RESULTS / "stress_fuzz.json")
    parser.add_argument("--quick", action="store_true", help="2,000 cases per reader")
    args = parser.parse_args()
    cases = 2_000 if args.quick else args.cases
    logging.basicConfig(level=logging.CRITICAL)  # caught reader errors are counted, not printed

    def on_alarm(signum: int, frame: object) -> None:
        raise Hung

    signal.signal(signal.SIGALRM, on_alarm)
    results = []
    with tempfile.TemporaryDirectory(prefix="petrel-fuzz-") as folder:
        for reader in args.readers.split(","):
            result = fuzz(reader, cases, args.seed, Path(folder), args.minutes)
            results.append(result)
            print(f"{reader:6} {result['cases']:,} cases in {result['seconds']} s (slowest {result['slowest_case_s']} s): "
                  f"{result['failures']} failures; yielded {result['yielded']}; "
                  f"caught reader errors (E209) {sum(result['caught_reader_errors_E209'].values())}", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak_mb:.0f} MB")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "seed": args.seed, "peak_rss_mb": round(peak_mb),
           "limits": LIMITS.model_dump(include={"max_file_bytes", "max_header_bytes", "max_decompressed_bytes",
                                                 "max_json_depth", "max_json_number_digits"}),
           "readers": results}
    args.out.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 1 if any(r["failures"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
