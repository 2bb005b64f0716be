"""
TIFU-KNN-style check for the "all" task: boost a product in the engine's list by the share of the customer's nearest
customers (cosine over 90-day-decayed product vectors) who bought it in the last 28 days. Validation windows only.

usage: /usr/bin/python3 user_neighbours.py DATA.csv.gz LISTS_DIR   (LISTS_DIR as for repeat_ranker.py)
"""
import collections
import math
import sys

from purchases import load, ndcg_at_10, read_lists, validation_window


def vectors(train, start):
    vector, recent = collections.defaultdict(dict), collections.defaultdict(set)
    for e in train:
        age = (start - e.time).days
        vector[e.customer][e.item] = vector[e.customer].get(e.item, 0) + 2 ** (-age / 90)
        if age < 28:
            recent[e.customer].add(e.item)
    index = collections.defaultdict(list)
    for customer, v in vector.items():
        norm = math.sqrt(sum(x * x for x in v.values()))
        for item in v:
            v[item] /= norm
            index[item].append((customer, v[item]))
    return vector, recent, index


def neighbour_share(customer, vector, recent, index, k):
    similarity = collections.Counter()
    for item, x in vector[customer].items():
        for other, y in index[item]:
            if other != customer:
                similarity[other] += x * y
    nearest = similarity.most_common(k)
    total = sum(s for _, s in nearest) or 1
    share = collections.Counter()
    for other, s in nearest:
        for item in recent[other]:
            share[item] += s / total
    return share


def main(data_path, lists_dir):
    events = load(data_path)
    betas = [0, 0.5, 1, 2, 4, 8]
    for window in (2, 1):
        start, train, truth = validation_window(events, window)
        lists, scores = read_lists(f'{lists_dir}/window-{window}/engine_all.csv')
        vector, recent, index = vectors(train, start)
        for k in (50, 200):
            totals = dict.fromkeys(betas, 0.0)
            for customer, items in truth.items():
                share = neighbour_share(customer, vector, recent, index, k)
                for beta in betas:
                    ranked = sorted(lists[customer], key=lambda i: (-scores[(customer, i)][0] * (1 + beta * share[i]), i))
                    totals[beta] += ndcg_at_10(ranked, items)
            print(f'window {window}, k {k}: ' + ', '.join(f'beta {b}: {t / len(truth):.4f}' for b, t in totals.items()))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
