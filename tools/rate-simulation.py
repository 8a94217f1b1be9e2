#!/usr/bin/env python3
"""A simulation of one user's independent clients (no shared state, as on different machines) against the gateway's
per-user sliding window, used to choose the constants of src/DataArtsQuality/Client/RateLimit/AdaptiveRate.cs.

It re-implements, in a few lines each, what RateWindow, AdaptiveRate, RateLimiter and the transport do with a 429
(the pacing, the pause, the share, the carry, the hold, the re-queue of a waiter a pause overtook) and the emulator's
limit (src/DataArtsQuality.Emulator/Faults/FaultState.cs TryAdmit, refused requests counted or not). It is a model,
not the module: the figures in README come from tools/RateBench.ps1 against the real emulator.

    python3 tools/rate-simulation.py                     # the module's rule
    python3 tools/rate-simulation.py '{"rule":"aimd"}'   # the AIMD rule it replaced (0.7, +2 a period)
    python3 tools/rate-simulation.py '{"carry":false}'   # without the carry
    python3 tools/rate-simulation.py '{"hold":2,"probe_step":1}'   # a shorter hold, then +1 a period
"""
import heapq, itertools, json, math, random, sys

PERIOD, COUNT = 10.0, 40


def spacing():  # RateWindow.Spacing: a period, 1% and 10 ms
    return PERIOD + PERIOD / 100 + 0.010


class Rate:  # AdaptiveRate
    def __init__(self, cfg):
        self.cfg, self.full, self.start, self.share, self.at = cfg, True, 0.0, 0.0, -1.0
        self.refusals, self.last_refusal = 0, -1e9

    def value(self, now):
        t = max(0.0, (now - self.at) / PERIOD)
        c = self.cfg
        if c['rule'] == 'aimd':  # the line from start to share at +2 a period, then doubling
            line = self.start + 2 * t
            return line if line <= self.share else self.share * 2 ** min(t - (self.share - self.start) / 2, 30)
        if t < c['carry_periods']:
            return self.start
        if t < c['hold']:
            return self.share
        t -= c['hold']
        if c['probe_step'] and t < 3:
            return self.share + c['probe_step'] * t
        return self.share * 2 ** min(t, 30)

    def allowed(self, now):
        if self.full:
            return COUNT
        v = self.value(now)
        if v >= COUNT:
            self.full = True
            return COUNT
        return max(1, int(v))

    def throttled(self, slot, now, in_window):
        """Returns the slots owed (the carry of a client that got more than its share through)."""
        if not self.full and slot < self.at:
            self.refusals += 1
            self.last_refusal = now
            return 0
        confirmed = now - self.last_refusal <= PERIOD
        self.last_refusal = now
        if not confirmed:
            self.refusals = 1
            return 0
        admitted = max(0, in_window - 2)
        current = COUNT if self.full else min(COUNT, self.value(now))
        if self.cfg['rule'] == 'aimd':
            share = max(COUNT // 8, min(current, in_window))
            self.full, self.share, self.start, self.at, self.refusals = False, share, max(COUNT // 8, 0.7 * share), now, 2
            return 0
        clients = 8 if admitted == 0 else min(8, max(2, int(COUNT / admitted + 0.5)))
        share = max(1, min(int(current), COUNT // clients))
        carry = share - admitted if self.cfg['carry'] else 0
        self.full, self.share, self.start, self.at, self.refusals = False, share, share + max(0, carry), now, 2
        return max(0, -carry)


class Window:  # RateWindow and RateLimiter
    def __init__(self, cfg):
        self.cfg, self.slots, self.not_before, self.rate = cfg, [], 0.0, Rate(cfg)

    def take(self, now):
        slot = max(now, self.not_before)
        allowed = self.rate.allowed(now)
        if self.slots:
            slot = max(slot, self.slots[-1] + self.cfg['pacing'] * PERIOD / COUNT)
        if len(self.slots) >= allowed:
            slot = max(slot, self.slots[len(self.slots) - allowed] + spacing())
        self.slots.append(slot)
        self.slots.sort()
        return slot

    def settle(self, slot, now):
        if now > slot and slot in self.slots:
            self.slots.remove(slot)
            self.slots.append(now)
            self.slots.sort()

    def throttled(self, slot, now):
        before = self.rate.at
        frm = now - PERIOD
        owed = self.rate.throttled(slot, now, sum(1 for x in self.slots if frm < x <= now))
        if self.rate.refusals < 2:
            return
        oldest = next((x for x in self.slots if x > frm), None)
        if oldest is not None:
            self.not_before = max(self.not_before, oldest + spacing())
        if self.rate.at != before:
            for _ in range(owed):
                self.take(now)


def run(clients, each, cfg, counted, stagger, seed, in_flight=4, latency=(0.002, 0.010)):
    rnd = random.Random(seed)
    gateway, admitted, refused = [], 0, 0
    events, order = [], itertools.count()
    windows = [Window(cfg) for _ in range(clients)]
    left, end, errors = [each] * clients, [0.0] * clients, 0

    def at(t, *what):
        heapq.heappush(events, (t, next(order)) + what)

    for c in range(clients):
        start = rnd.uniform(0, stagger)
        for _ in range(in_flight):
            at(start, 'ask', c, 1, True)
    while events:
        t, _, kind, c, attempt, *rest = heapq.heappop(events)
        w = windows[c]
        if kind == 'ask':
            new = rest[0]
            if new:
                if left[c] == 0:
                    continue
                left[c] -= 1
            slot = w.take(t)
            at(slot, 'send', c, attempt, slot)
        elif kind == 'send':
            slot = rest[0]
            if cfg['requeue'] and w.not_before > slot:  # a pause overtook this waiter: queue again behind it
                w.slots.remove(slot)
                at(t, 'ask', c, attempt, False)
                continue
            lat = rnd.uniform(*latency)
            arrive = t + lat / 2
            gateway[:] = [x for x in gateway if x > arrive - PERIOD]
            ok = len(gateway) < COUNT
            if ok or counted:
                gateway.append(arrive)
            admitted, refused = admitted + ok, refused + (not ok)
            at(t + lat, 'answer', c, attempt, slot, ok)
        else:
            slot, ok = rest
            w.settle(slot, t)
            if ok:
                end[c] = t
                at(t, 'ask', c, 1, True)
            elif attempt > 4:  # DqcSettings.DefaultMaximumRetryCount: the rerun fails
                errors += 1
                end[c] = t
                at(t, 'ask', c, 1, True)
            else:
                w.throttled(slot, t)
                w.not_before = max(w.not_before, t + rnd.random() * 2 ** (attempt - 1))  # RetryPolicy.BackoffDelay
                at(t, 'ask', c, attempt + 1, False)
    pace = (math.ceil(clients * each / COUNT) - 1) * PERIOD
    rates = [each / max(0.001, e) for e in end]
    mean = sum(rates) / clients
    return max(end) / pace, refused / (refused + admitted), min(rates) / mean, max(rates) / mean, errors


def main():
    cfg = dict(rule='share', pacing=1 / 8, carry=True, carry_periods=1.5, hold=4, probe_step=0, requeue=True)
    if len(sys.argv) > 1:
        cfg.update(json.loads(sys.argv[1]))
    seeds = range(8)
    for clients, each in [(1, 200), (2, 100), (4, 50), (8, 25)]:
        for counted in (False, True):
            for stagger in (0.003, 0.1, 0.2, 1.0):
                rs = [run(clients, each, cfg, counted, stagger, s) for s in seeds]
                ratio = sorted(r[0] for r in rs)
                share = sorted(r[1] for r in rs)
                print(f"{clients} x {each:<3} refused {'counted' if counted else 'not counted':11} started within "
                      f"{stagger * 1000:5.0f} ms: ratio median {ratio[len(rs) // 2]:.2f} max {ratio[-1]:.2f}, refused "
                      f"median {share[len(rs) // 2]:5.1%} max {share[-1]:5.1%}, shares {min(r[2] for r in rs):.2f}-"
                      f"{max(r[3] for r in rs):.2f}, failed {sum(r[4] for r in rs)}")


if __name__ == '__main__':
    main()
