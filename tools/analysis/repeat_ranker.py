"""
Can a learned ranker order a customer's own past products better than the engine's blend ("all" task)?
Trains logistic regression and gradient-boosted trees on window 2 (labels = bought in that window) and applies them to
window 1, alone and stacked on the engine's score. Validation windows only: the test period is never read.

usage: /usr/bin/python3 repeat_ranker.py DATA.csv.gz LISTS_DIR
  LISTS_DIR from: Evaluation --validate --tune none --validation-windows 2 --list-length 300 --out LISTS_DIR
"""
import bisect
import collections
import math
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

from purchases import load, ndcg_at_10, read_lists, validation_window

FEATURES = ['log_orders', 'order_share', 'log_days_since_last', 'days_since_first', 'log_customer_orders',
            'days_since_customer_order', 'customer_span', 'decay30', 'decay90', 'decay365', 'engine_like_repeat',
            'log_repeat_rate', 'log_recent_buyers', 'log_half_year_buyers', 'momentum', 'log_buyers', 'due_ratio',
            'has_cycle', 'log_cycle', 'log_quantity', 'product_share']


def features(train, start):
    by_customer = collections.defaultdict(lambda: collections.defaultdict(list))
    buyers, recent, half_year = collections.defaultdict(set), collections.Counter(), collections.Counter()
    for e in train:
        by_customer[e.customer][e.item].append(e)
        buyers[e.item].add(e.customer)
        age = (start - e.time).days
        recent[e.item] += age < 28
        half_year[e.item] += age < 182
    repeaters = collections.Counter(item for products in by_customer.values() for item, lines in products.items()
                                    if len({l.time.date() for l in lines}) >= 2)
    rows = {}
    for customer, products in by_customer.items():
        invoices = {l.invoice for lines in products.values() for l in lines}
        instants = sorted({l.time for lines in products.values() for l in lines})
        first, last = instants[0], instants[-1]
        for item, lines in products.items():
            days = sorted({l.time.date() for l in lines})
            since_last = (start - max(l.time for l in lines)).days
            cycle = (days[-1] - days[0]).days / (len(days) - 1) if len(days) >= 2 else 0
            repeat_rate = (repeaters[item] + 0.1) / (len(buyers[item]) + 1)
            rows[(customer, item)] = dict(
                log_orders=math.log(len({l.invoice for l in lines})),
                order_share=len({l.invoice for l in lines}) / len(invoices),
                log_days_since_last=math.log1p(since_last),
                days_since_first=(start - min(l.time for l in lines)).days,
                log_customer_orders=math.log(len(invoices)),
                days_since_customer_order=(start - last).days,
                customer_span=(start - first).days,
                decay30=sum(2 ** (-(start - l.time).days / 30) for l in lines),
                decay90=sum(2 ** (-(start - l.time).days / 90) for l in lines),
                decay365=sum(2 ** (-(start - l.time).days / 365) for l in lines),
                # the engine's repeat weight: 480-day decay times a 32-order decay
                engine_like_repeat=sum(2 ** (-(start - l.time).total_seconds() / 86400 / 480)
                                       * 2 ** (-(len(instants) - bisect.bisect_right(instants, l.time)) / 32) for l in lines),
                log_repeat_rate=math.log(repeat_rate),
                log_recent_buyers=math.log1p(recent[item]),
                log_half_year_buyers=math.log1p(half_year[item]),
                momentum=math.log((recent[item] + 1) / (half_year[item] / 6.5 + 1)),
                log_buyers=math.log(len(buyers[item])),
                due_ratio=since_last / max(cycle, 1) if cycle > 0 else -1,
                has_cycle=1 if cycle > 0 else 0,
                log_cycle=math.log(cycle) if cycle > 0 else 0,
                log_quantity=math.log(sum(l.quantity for l in lines)),
                product_share=len({l.invoice for l in lines}) / len(products))
    return rows


def matrix(rows, truth, scores, names):
    keys = [k for k in rows if k[0] in truth]
    for k in keys:
        score, rank = scores.get(k, (0.0, 400))
        rows[k]['engine_score'] = math.log(score + 1e-12)
        rows[k]['engine_rank'] = math.log(rank)
    x = np.array([[rows[k][n] for n in names] for k in keys])
    y = np.array([1 if k[1] in truth[k[0]] else 0 for k in keys])
    return keys, x, y


def evaluate(keys, predicted, truth, engine_lists, keep_engine_slots):
    by_customer = collections.defaultdict(list)
    for k, p in zip(keys, predicted):
        by_customer[k[0]].append((p, k[1]))
    total = 0.0
    for customer, items in truth.items():
        ordered = [item for _, item in sorted(by_customer[customer], key=lambda t: (-t[0], t[1]))]
        if keep_engine_slots:
            # same slots as the engine's list: its own-product slots are refilled in the ranker's order
            own, it = set(ordered), iter(ordered)
            ordered = [next(it) if item in own else item for item in engine_lists[customer][:10]]
        total += ndcg_at_10(ordered, items)
    return total / len(truth)


def main(data_path, lists_dir):
    events = load(data_path)
    start2, train2, truth2 = validation_window(events, 2)
    start1, train1, truth1 = validation_window(events, 1)
    lists2, scores2 = read_lists(f'{lists_dir}/window-2/engine_all.csv')
    lists1, scores1 = read_lists(f'{lists_dir}/window-1/engine_all.csv')
    rows2, rows1 = features(train2, start2), features(train1, start1)

    engine = sum(ndcg_at_10(lists1[c], t) for c, t in truth1.items()) / len(truth1)
    own = {c: {k[1] for k in rows1 if k[0] == c} for c in truth1}
    slots = sum(sum(i in own[c] for i in lists1[c][:10]) for c in truth1) / len(truth1)
    own_hits = sum(sum(i in own[c] and i in t for i in lists1[c][:10]) for c, t in truth1.items()) / len(truth1)
    new_hits = sum(sum(i not in own[c] and i in t for i in lists1[c][:10]) for c, t in truth1.items()) / len(truth1)
    oracle = sum(ndcg_at_10(sorted(own[c], key=lambda i: i not in t), t) for c, t in truth1.items()) / len(truth1)
    print(f'window 1: {len(truth1)} customers; engine all NDCG@10 {engine:.4f}; own-product slots {slots:.2f}, '
          f'hits from own products {own_hits:.2f}, from new {new_hits:.3f}; perfect order of own products {oracle:.4f}')

    for label, names in (('features', FEATURES), ('features + engine score', FEATURES + ['engine_score', 'engine_rank'])):
        k2, x2, y2 = matrix(rows2, truth2, scores2, names)
        k1, x1, _ = matrix(rows1, truth1, scores1, names)
        mean, std = x2.mean(0), x2.std(0) + 1e-9
        for model_name, model in (('logistic regression', LogisticRegression(max_iter=3000)),
                                  ('gradient-boosted trees', HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=50))):
            model.fit((x2 - mean) / std, y2)
            predicted = model.predict_proba((x1 - mean) / std)[:, 1]
            alone = evaluate(k1, predicted, truth1, lists1, False)
            slotted = evaluate(k1, predicted, truth1, lists1, True)
            print(f'{label:24} {model_name:22} alone {alone:.4f}  in the engine\'s slots {slotted:.4f}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
