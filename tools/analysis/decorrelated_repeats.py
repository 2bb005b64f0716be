"""
Check for the "all" task: re-rank the first 40 products of the engine's "all" list greedily, lowering a product's score
by lambda x its strongest co-purchase with a product already picked (share of the customer's own orders holding both:
Jaccard, or conditional on the candidate), so one reorder occasion does not fill the list. Validation only.

usage: /usr/bin/python3 decorrelated_repeats.py DATA.csv.gz LISTS_DIR   (LISTS_DIR as for repeat_ranker.py)
"""
import collections
import sys

from purchases import load, ndcg_at_10, read_lists, validation_window


def rerank(items, scores, customer, orders, lam, kind):
    own, picked, pool = orders[customer], [], list(items)
    while len(picked) < 10 and pool:
        best, best_value = None, float('-inf')
        for item in pool:
            penalty = 0.0
            if item in own:
                for other in picked:
                    if other in own:
                        both = len(own[item] & own[other])
                        penalty = max(penalty, both / len(own[item] | own[other]) if kind == 'jaccard' else both / len(own[item]))
            value = scores[(customer, item)][0] * (1 - lam * penalty)
            if value > best_value:
                best, best_value = item, value
        picked.append(best)
        pool.remove(best)
    return picked


def main(data, lists_dir):
    events = load(data)
    for window in (1, 2):
        _, train, truth = validation_window(events, window)
        orders = collections.defaultdict(lambda: collections.defaultdict(set))
        for e in train:
            orders[e.customer][e.item].add(e.invoice)
        lists, scores = read_lists(f'{lists_dir}/window-{window}/engine_all.csv')
        for kind in ('jaccard', 'conditional'):
            for lam in (0, 0.1, 0.2, 0.3, 0.5):
                total = sum(ndcg_at_10(rerank(lists[c][:40], scores, c, orders, lam, kind), items) for c, items in truth.items())
                print(f'window {window} {kind} lambda {lam}: NDCG@10 {total / len(truth):.4f}', flush=True)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
