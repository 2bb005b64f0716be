"""
Check for the "all" task: merge a customer's own products (in the engine's "all" order) with new products (the
engine's discovery list) by the hit rate each rank had on the other validation window, per customer bucket (orders x
distinct products bought). Tables from window 2 are applied to window 1 and the other way round. Validation only.

usage: /usr/bin/python3 calibrated_merge.py DATA.csv.gz LISTS_DIR   (LISTS_DIR as for repeat_ranker.py)
"""
import collections
import sys

from purchases import load, ndcg_at_10, read_lists, validation_window

DEPTH = 30


def context(events, lists_dir, window):
    _, train, truth = validation_window(events, window)
    own, orders = collections.defaultdict(set), collections.defaultdict(set)
    for e in train:
        own[e.customer].add(e.item)
        orders[e.customer].add(e.invoice)
    all_lists, _ = read_lists(f'{lists_dir}/window-{window}/engine_all.csv')
    new_lists, _ = read_lists(f'{lists_dir}/window-{window}/engine_discovery.csv')
    return truth, own, orders, all_lists, new_lists


def bucket(customer, own, orders):
    n, m = len(orders[customer]), len(own[customer])
    return (0 if n <= 1 else 1 if n <= 3 else 2 if n <= 8 else 3,
            0 if m <= 20 else 1 if m <= 60 else 2 if m <= 150 else 3)


def candidates(customer, own, all_lists, new_lists):
    own_list = [item for item in all_lists[customer] if item in own[customer]][:DEPTH]
    return own_list, new_lists[customer][:DEPTH]


def hit_tables(ctx):
    truth, own, orders, all_lists, new_lists = ctx
    own_hits, new_hits = collections.defaultdict(lambda: [0, 0]), collections.defaultdict(lambda: [0, 0])
    for customer, items in truth.items():
        b = bucket(customer, own, orders)
        own_list, new_list = candidates(customer, own, all_lists, new_lists)
        for rank, item in enumerate(own_list):
            own_hits[(b, rank)][0] += item in items
            own_hits[(b, rank)][1] += 1
        for rank, item in enumerate(new_list):
            new_hits[(b, rank)][0] += item in items
            new_hits[(b, rank)][1] += 1
    return own_hits, new_hits


def evaluate(ctx, own_hits, new_hits, prior=5):
    truth, own, orders, all_lists, new_lists = ctx
    engine = merged = 0.0
    for customer, items in truth.items():
        b = bucket(customer, own, orders)
        engine += ndcg_at_10(all_lists[customer][:10], items)
        own_list, new_list = candidates(customer, own, all_lists, new_lists)

        def rate(table, key, fallback):
            hits, shown = table.get(key, (0, 0))
            return (hits + prior * fallback) / (shown + prior)

        scored = [(rate(own_hits, (b, r), 0.1), 0, r, item) for r, item in enumerate(own_list)]
        scored += [(rate(new_hits, (b, r), 0.02), 1, r, item) for r, item in enumerate(new_list)]
        scored.sort(key=lambda c: (-c[0], c[1], c[2]))
        picked = []
        for candidate in scored:
            if candidate[3] not in picked:
                picked.append(candidate[3])
            if len(picked) == 10:
                break
        merged += ndcg_at_10(picked, items)
    return engine / len(truth), merged / len(truth)


def main(data, lists_dir):
    events = load(data)
    windows = {w: context(events, lists_dir, w) for w in (1, 2)}
    tables = {w: hit_tables(ctx) for w, ctx in windows.items()}
    for applied, learned in ((1, 2), (2, 1), (1, 1)):
        engine, merged = evaluate(windows[applied], *tables[learned])
        note = ' (in-sample, for scale only)' if applied == learned else ''
        print(f'window {applied}, rates from window {learned}{note}: engine NDCG@10 {engine:.4f}, merged {merged:.4f}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
