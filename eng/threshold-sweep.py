"""Precision/recall of a fixed threshold and of the scorer's adaptive mean + k·sigma threshold, replayed over
scored records (JSON lines of logs.scored). Mirrors LogPipeline.Scorer.Scoring.AnomalyThreshold."""
import json, math, sys

rows = sorted((json.loads(l) for l in open(sys.argv[1]) if l.strip()), key=lambda r: r["scored_at"])
warm = 2000  # records the model and threshold may spend warming up
labelled = lambda r: r["injected_anomaly"] is not None

def report(name, flags):
    tp = sum(1 for r, f in flags[warm:] if f and labelled(r))
    fp = sum(1 for r, f in flags[warm:] if f and not labelled(r))
    fn = sum(1 for r, f in flags[warm:] if not f and labelled(r))
    print(f"{name:>16}: precision {tp / max(1, tp + fp):.2f}  recall {tp / max(1, tp + fn):.2f}  (TP {tp}, FP {fp}, FN {fn})")

print(f"{len(rows)} scored records, {sum(map(labelled, rows))} labelled anomalies")
for t in (1.4, 1.6, 1.8, 2.0, 3.0):
    report(f"fixed {t}", [(r, r["anomaly_score"] > t) for r in rows])
for k in (3, 4, 5, 6):
    mean = var = 0.0; n = 0; flags = []
    for r in rows:
        s = r["anomaly_score"]
        threshold = 3.0 if n < 500 else max(1.2, mean + k * math.sqrt(var))
        flag = s > 0 and s > threshold
        flags.append((r, flag))
        if s > 0 and not flag:
            n += 1
            if n == 1:
                mean = s
                continue
            a = max(0.001, 1 / n); d = s - mean; mean += a * d; var = (1 - a) * (var + a * d * d)
    report(f"adaptive k={k}", flags)
