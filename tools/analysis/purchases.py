"""Purchase events exactly as ../../../shared/EVALUATION.md defines them, and the helpers the analyses share."""
import collections
import csv
import datetime
import gzip
import math

NOT_PRODUCTS = {'POST', 'D', 'M', 'm', 'BANK CHARGES', 'AMAZONFEE', 'DOT', 'CRUK', 'C2', 'PADS', 'S', 'B'}
TEST_START = datetime.datetime(2011, 11, 1)
Event = collections.namedtuple('Event', 'customer invoice item time quantity amount')


def load(path):
    """One event per distinct (customer, invoice, item): earliest time, summed quantity and amount."""
    events = {}
    with gzip.open(path, 'rt', encoding='utf-8', errors='replace') as f:
        for row in csv.DictReader(f):
            customer = row['CustomerID'].strip()
            invoice = row['InvoiceNo'].strip()
            if not customer or invoice.startswith('C'):
                continue
            quantity, price = int(float(row['Quantity'])), float(row['UnitPrice'])
            item = row['StockCode'].strip()
            if quantity <= 0 or price <= 0 or item in NOT_PRODUCTS or item.startswith('gift_'):
                continue
            key = (int(float(customer)), invoice, item)
            time = datetime.datetime.strptime(row['InvoiceDate'].strip(), '%Y-%m-%d %H:%M:%S')
            if key in events:
                t, q, a = events[key]
                events[key] = (min(t, time), q + quantity, a + quantity * price)
            else:
                events[key] = (time, quantity, quantity * price)
    result = [Event(c, i, it, t, q, a) for (c, i, it), (t, q, a) in events.items()]
    if len(result) != 386_326:
        raise SystemExit(f'protocol check failed: {len(result)} events, expected 386,326')
    return result


def validation_window(events, window, days=28):
    """Window 1 = the last `days` before the test start, window 2 the `days` before that (as the tool's --validate)."""
    end = TEST_START - datetime.timedelta(days=(window - 1) * days)
    start = end - datetime.timedelta(days=days)
    train = [e for e in events if e.time < start]
    truth = collections.defaultdict(set)
    for e in events:
        if start <= e.time < end:
            truth[e.customer].add(e.item)
    customers = {e.customer for e in train}
    return start, train, {c: items for c, items in truth.items() if c in customers}


def ndcg_at_10(items, truth):
    dcg = sum(1 / math.log2(r + 2) for r, item in enumerate(items[:10]) if item in truth)
    ideal = sum(1 / math.log2(r + 2) for r in range(min(len(truth), 10)))
    return dcg / ideal


def read_lists(path):
    """user -> items by rank, and (user, item) -> (score, rank), from a tool CSV (user,rank,item,score)."""
    lists, scores = collections.defaultdict(list), {}
    with open(path) as f:
        for row in csv.DictReader(f):
            user = int(row['user'])
            lists[user].append(row['item'])
            scores[(user, row['item'])] = (float(row['score']), int(row['rank']))
    return lists, scores
