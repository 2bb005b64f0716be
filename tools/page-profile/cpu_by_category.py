import json, sys, collections, re
# usage: cpu_by_category.py TRACE.speedscope.json REQUESTS -- CPU per request by category (innermost matching frame of each
# CPU sample on a request thread). The table in docs/benchmarks.md section 9 is plugin on minus plugin off.
# per-category CPU (innermost matching frame wins, in priority order) for request samples
doc = json.load(open(sys.argv[1])); requests = float(sys.argv[2])
frames = [f['name'] for f in doc['shared']['frames']]
cats = [
 ('plugin: widget, recommendations, tracking', lambda n: 'Nop.Plugin.Misc.Personalization' in n and 'EventStore' not in n and 'EventWriter' not in n),
 ('plugin: background event writer', lambda n: 'Nop.Plugin.Misc.Personalization' in n),
 ('tax (incl. MaxMind geo lookup per price)', lambda n: 'TaxService' in n or 'GeoLookup' in n or 'MaxMind' in n),
 ('discounts', lambda n: 'DiscountService' in n or 'GetAllowedDiscounts' in n),
 ('localized values (expression compile per call)', lambda n: 'LocalizationService' in n),
 ('custom wishlists (query per product box)', lambda n: 'CustomWishlist' in n),
 ('price calculation and formatting', lambda n: 'PriceCalculationService' in n or 'PriceFormatter' in n or 'CurrencyService' in n),
 ('pictures', lambda n: 'PictureService' in n or 'PrepareProductOverviewPictures' in n),
 ('other product box preparation', lambda n: 'ProductModelFactory' in n and ('Overview' in n or 'ReviewOverview' in n or 'ProductToWishlist' in n)),
 ('product details page model', lambda n: 'ProductModelFactory' in n),
 ('Razor views', lambda n: 'AspNetCoreGeneratedDocument' in n or 'Microsoft.AspNetCore.Mvc.Razor' in n),
 ('database (linq2db/Npgsql)', lambda n: 'LinqToDB' in n or 'Npgsql' in n),
]
def isreq(n): return n.startswith('Nop.') or 'Microsoft.AspNetCore' in n or 'AspNetCoreGeneratedDocument' in n
acc = collections.Counter(); total=0
for prof in doc['profiles']:
    stack=[]; last=None
    for ev in prof['events']:
        t=ev['at']
        if last is not None and stack:
            dt=t-last; names=[frames[i] for i in stack]
            if names[-1]=='CPU_TIME' and any(isreq(n) for n in names):
                total+=dt
                label='other request work'
                # innermost frame that matches any category
                for n in reversed(names):
                    hit=[c for c,f in cats if f(n)]
                    if hit: label=hit[0]; break
                acc[label]+=dt
        last=t
        if ev['type']=='O': stack.append(ev['frame'])
        elif stack: stack.pop()
print(f"request CPU {total:.0f} ms over {requests:.0f} requests = {total/requests:.1f} ms/request")
for c,v in acc.most_common(): print(f"{v/requests:7.2f} ms/request  {c}")
