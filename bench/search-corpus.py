#!/usr/bin/env python3
"""Search benchmark corpus: N items of a synthetic province as search documents (JSON Lines).

Runs ../shared/bench/gen_corpus.py (deterministic: news, legal documents with numbers, issuers,
dates and statuses, procedures with codes and levels, over a portal, departments and communes),
reads its canonical layout and writes what Trang's indexer receives for each item
(vn.trang.index.SearchDocument), plus a query log to replay:

  DIR/docs.jsonl     {url, title, summary, body, meta[], keys[]…} one item a line
  DIR/queries.txt    one URL-encoded query string a line (q=…&site=…), a realistic mix:
                     title words with and without marks, document numbers, procedure codes,
                     two-word topics, site-scoped searches

Usage: search-corpus.py --docs 100000 --out /tmp/trang-search-bench/d100000
       search-corpus.py --docs 100000 --out DIR --log FILE --queries 25000 --seed 7
                     (another log of the same mix for that corpus, without regenerating it)
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import unicodedata
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.environ.get("GEN_CORPUS") or os.path.normpath(os.path.join(HERE, "..", "..", "shared", "bench", "gen_corpus.py"))


def fold(s):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in s if unicodedata.category(c) != "Mn"))


def front_matter(text):
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---\n", 4)
    import yaml
    return yaml.safe_load(text[4:end]) or {}, text[end + 5:]


def plain(markdown):
    t = re.sub(r"(?m)^\|?[-:| ]+\|?$", " ", markdown)  # table rules
    t = re.sub(r"[#*|`>]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()



def write_log(path, count, rng, titles, numbers, codes, sites):
    """count queries drawn from the items' titles, numbers and codes (the mix in the module doc)."""
    with open(path, "w", encoding="utf-8") as q:
        for _ in range(count):
            r = rng.random()
            words = rng.choice(titles).split()
            start = rng.randrange(max(1, len(words) - 1))
            phrase = " ".join(words[start:start + rng.choice((1, 2, 2, 3, 4))])
            if r < 0.35:
                text = phrase
            elif r < 0.6:
                text = fold(phrase).lower()
            elif r < 0.7 and numbers:
                text = rng.choice(numbers).lower() if rng.random() < 0.5 else rng.choice(numbers)
            elif r < 0.78 and codes:
                text = rng.choice(codes)
            else:
                text = phrase
            params = {"q": text}
            if rng.random() < 0.25:
                params["site"] = rng.choice(sites)
            q.write(urllib.parse.urlencode(params) + "\n")


def log_only(docs_path, out, count, seed):
    """Another log of the same mix for an existing corpus (DIR/docs.jsonl), with its own seed."""
    titles, numbers, codes, sites = [], [], [], set()
    with open(docs_path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            titles.append(d["title"])
            sites.add(d["site"])
            if d.get("number"):
                numbers.append(d["number"])
            if d.get("code"):
                codes.append(d["code"])
    write_log(out, count, random.Random(seed), titles, numbers, codes, sorted(sites))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--queries", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--log", help="only write a query log of --queries lines to this file, drawn with "
                                   "--seed from the corpus already in --out (docs.jsonl)")
    a = ap.parse_args()
    if a.log:
        log_only(os.path.join(a.out, "docs.jsonl"), a.log, a.queries, a.seed)
        return
    os.makedirs(a.out, exist_ok=True)
    gen = os.path.join(a.out, "gen")
    subprocess.run([sys.executable, GEN, "--pages", str(a.docs), "--out", gen, "--layouts", "hugo",
                    "--seed", str(a.seed)], check=True, stdout=subprocess.DEVNULL)
    content = os.path.join(gen, "hugo", "content")
    rng = random.Random(a.seed)
    titles, numbers, codes, sites = [], [], [], set()
    n = 0
    with open(os.path.join(a.out, "docs.jsonl"), "w", encoding="utf-8") as out:
        for root, _, files in sorted(os.walk(content)):
            for f in sorted(files):
                if not f.endswith(".md") or f == "_index.md":
                    continue
                fm, body = front_matter(open(os.path.join(root, f), encoding="utf-8").read())
                rel = os.path.relpath(os.path.join(root, f[:-3]), content).replace(os.sep, "/")
                site = fm.get("site", "tinh")
                sites.add(site)
                kind = fm.get("content_type", "news")
                meta = [str(v) for v in (fm.get("doc_number"), fm.get("doc_type"), fm.get("issuer"), fm.get("signer"),
                                         fm.get("procedure_code"), fm.get("field"), fm.get("agency")) if v]
                date = str(fm.get("date", ""))[:10] or None
                doc = {"url": "/" + rel + "/", "title": fm.get("title", ""), "summary": fm.get("summary", ""),
                       "body": plain(body), "meta": meta, "site": site, "site_name": fm.get("site_name", site),
                       "type": kind, "fields": [fm["field"]] if fm.get("field") else [],
                       "year": int(str(fm.get("year") or date[:4])) if (fm.get("year") or date) else None,
                       "status": fm.get("status"), "level": ("muc-%s" % fm["level"]) if fm.get("level") else None,
                       "date": date, "number": fm.get("doc_number"), "code": fm.get("procedure_code")}
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
                n += 1
                titles.append(doc["title"])
                if doc["number"]:
                    numbers.append(doc["number"])
                if doc["code"]:
                    codes.append(doc["code"])
    sites = sorted(sites)
    write_log(os.path.join(a.out, "queries.txt"), a.queries, rng, titles, numbers, codes, sites)
    print(json.dumps({"docs": n, "sites": len(sites), "queries": a.queries, "out": a.out}))


if __name__ == "__main__":
    main()
