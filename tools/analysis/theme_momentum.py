"""
Description-theme momentum for the "all" task: a product's score in the engine's list times the IDF-weighted
geometric mean, over the words of its description, of each word's 4-week vs 26-week buyer momentum, to the power beta.
Validation windows only (the protocol allows item descriptions of train rows).

usage: /usr/bin/python3 theme_momentum.py DATA.csv.gz LISTS_DIR   (LISTS_DIR as for repeat_ranker.py)
"""
import collections
import csv
import gzip
import math
import re
import sys

from purchases import load, ndcg_at_10, read_lists, validation_window

COMMON_WORDS = {'OF', 'THE', 'AND', 'SET', 'IN', 'WITH', 'TO', 'FOR', 'ON', 'DESIGN', 'PACK', 'SMALL', 'LARGE', 'MINI',
                'JUMBO', 'BAG', 'BOX'}


def descriptions(path):
    counts = collections.defaultdict(collections.Counter)
    with gzip.open(path, 'rt', encoding='utf-8', errors='replace') as f:
        for row in csv.DictReader(f):
            if row['Description'].strip():
                counts[row['StockCode'].strip()][row['Description'].strip()] += 1
    return {item: [w for w in re.findall(r'[A-Z]{3,}', c.most_common(1)[0][0].upper()) if w not in COMMON_WORDS]
            for item, c in counts.items()}


def theme_factors(train, start, words):
    items = {e.item for e in train}
    document_frequency = collections.Counter(w for item in items for w in set(words.get(item, [])))
    recent, half_year = collections.Counter(), collections.Counter()
    for e in train:
        age = (start - e.time).days
        for w in set(words.get(e.item, [])):
            recent[w] += age < 28
            half_year[w] += age < 182
    factors = {}
    for item in items:
        kept = [w for w in set(words.get(item, [])) if document_frequency[w] >= 5]
        if not kept:
            continue
        weights = [math.log(len(items) / document_frequency[w]) for w in kept]
        log_momentum = [math.log((recent[w] + 1) / (half_year[w] / 6.5 + 1)) for w in kept]
        factors[item] = math.exp(sum(a * b for a, b in zip(weights, log_momentum)) / sum(weights))
    return factors


def main(data_path, lists_dir):
    events, words = load(data_path), descriptions(data_path)
    for window in (2, 1):
        start, train, truth = validation_window(events, window)
        lists, scores = read_lists(f'{lists_dir}/window-{window}/engine_all.csv')
        factors = theme_factors(train, start, words)
        results = []
        for beta in (0, 0.25, 0.5, 1, 2):
            total = sum(ndcg_at_10(sorted(lists[c], key=lambda i: (-scores[(c, i)][0] * factors.get(i, 1.0) ** beta, i)), t)
                        for c, t in truth.items())
            results.append(f'beta {beta}: {total / len(truth):.4f}')
        print(f'window {window}: ' + ', '.join(results))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
