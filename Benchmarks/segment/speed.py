#!/usr/bin/env python3
"""Speed of `tmkit segment` against sentencex (and pySBD on a slice) on the same text.

The text: every English case of /work/shared/bench/segment (golden_en + en_extra) and the English half of the
sample article, one paragraph per case, repeated to about --megabytes MB. tmkit runs as a process on the file
(wall time includes start-up and output); sentencex and pySBD run in-process on the same string, paragraph by
paragraph, timed around segmentation only. Also reports tmkit's peak memory (GNU time) for 1x and 4x the input,
to show that streaming keeps it flat.

With --lang L (not en) the text is every case of language L in Tests/Fixtures/segment/*.jsonl (and, for az, the
Azerbaijani half of the sample article), repeated the same way. Test cases are short (one or two sentences), so
per-paragraph cost dominates; --join N puts N consecutive cases into one paragraph, closer to running text.

Usage: /work/venv-seg/bin/python Benchmarks/segment/speed.py [--megabytes 20] [--lang en] [--join 1] [--tmkit PATH]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

SHARED = '/work/shared/bench/segment'
HERE = os.path.dirname(os.path.abspath(__file__))


def corpus(megabytes, lang='en', join=1):
    paragraphs = []
    if lang == 'en':
        files = [os.path.join(SHARED, name) for name in ('golden_en.jsonl', 'en_extra.jsonl')]
    else:
        fixtures = os.path.join(HERE, '..', '..', 'Tests', 'Fixtures', 'segment')
        files = [os.path.join(fixtures, name) for name in sorted(os.listdir(fixtures)) if name.endswith('.jsonl')]
    for name in files:
        with open(name, encoding='utf-8') as f:
            for line in f:
                case = json.loads(line)
                text = case['text'].strip()
                if text and case.get('lang', 'en') == lang:
                    paragraphs.append(' '.join(text.split()))
    sample = open(os.path.join(HERE, '..', '..', 'Examples', 'kazakhstan-az-en.txt'), encoding='utf-8').read()
    if lang in ('en', 'az'):
        blocks = sample.split('\n\n')
        paragraphs += [p.strip() for p in (blocks[8:] if lang == 'en' else blocks[:8]) if p.strip()]
    if not paragraphs:
        sys.exit(f'no text for language {lang}')
    if join > 1:
        paragraphs = [' '.join(paragraphs[k:k + join]) for k in range(0, len(paragraphs), join)]
    block = '\n\n'.join(paragraphs) + '\n\n'
    repeat = max(1, int(megabytes * 1_000_000 / len(block.encode('utf-8'))))
    return block * repeat


def peak_rss_kb(command, path):
    out = subprocess.run(['/usr/bin/time', '-f', '%M'] + command + [path], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--megabytes', type=float, default=20)
    parser.add_argument('--lang', default='en')
    parser.add_argument('--join', type=int, default=1)
    parser.add_argument('--tmkit', default=os.path.join(HERE, '..', '..', '.build', 'release', 'tmkit'))
    args = parser.parse_args()
    text = corpus(args.megabytes, args.lang, args.join)
    lang = args.lang
    size = len(text.encode('utf-8'))
    mb = size / 1e6
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as f:
        f.write(text)
        path = f.name
    print(f'input: {mb:.1f} MB {lang}, {text.count(chr(10) + chr(10))} paragraphs')

    # The machine is shared: report CPU time (user+sys) as well as wall time, best of 3 each.
    best = best_cpu = None
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        out = subprocess.run([args.tmkit, 'segment', '--lang', lang, path], stdout=subprocess.PIPE, check=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    tmkit_sentences = sum(1 for line in out.stdout.split(b'\n') if line.strip())
    print(f'tmkit segment   : wall {best:.2f} s {mb / best:6.1f} MB/s | cpu {best_cpu:.2f} s {mb / best_cpu:6.1f} MB/s'
          f'  ({tmkit_sentences} sentences)')

    paragraphs = text.split('\n\n')
    try:
        from sentencex import segment
        best = best_cpu = None
        for _ in range(3):
            start = time.perf_counter()
            cpu_start = time.process_time()
            count = 0
            for p in paragraphs:
                for s in segment(lang, p):
                    count += 1
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu_start
            best = elapsed if best is None else min(best, elapsed)
            best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        print(f'sentencex       : wall {best:.2f} s {mb / best:6.1f} MB/s | cpu {best_cpu:.2f} s {mb / best_cpu:6.1f} MB/s'
              f'  ({count} sentences)')
    except ImportError:
        print('sentencex: not installed')
    try:
        import pysbd
        seg = pysbd.Segmenter(language=lang, clean=False)
        slice_ = paragraphs[: max(1, len(paragraphs) // 500)]
        slice_mb = sum(len(p.encode('utf-8')) for p in slice_) / 1e6
        start = time.perf_counter()
        for p in slice_:
            seg.segment(p)
        elapsed = time.perf_counter() - start
        print(f'pySBD (1/500)   : {elapsed:.2f} s  {slice_mb / elapsed:6.1f} MB/s')
    except (ImportError, ValueError) as error:
        print(f'pySBD: {error}')

    rss1 = peak_rss_kb([args.tmkit, 'segment', '--lang', lang], path)
    with open(path, 'a', encoding='utf-8') as f:
        for _ in range(3):
            f.write(text)
    rss4 = peak_rss_kb([args.tmkit, 'segment', '--lang', lang], path)
    print(f'tmkit peak RSS  : {rss1 / 1024:.1f} MB for {mb:.0f} MB input, {rss4 / 1024:.1f} MB for {4 * mb:.0f} MB input')
    os.unlink(path)


if __name__ == '__main__':
    main()
