#!/usr/bin/env python3
"""The reliability harness of issue 11 (started by bench/reliability/run, which gives it a private keychain).

Three trials, each driving the built trunkline-cli against trunkline-reliability-emulator (the emulator
library with a request log and fault counters):

  soak      per seed: sync a fresh store (no faults), stage edits with `trunkline-cli stage`, restart the
            emulator with faults (10% 5xx, 5% 429, 2% dropped, 1% truncated, 0-60 ms jitter), run
            `pending apply` until nothing is open or ROUNDS rounds, restart it without faults and sync a
            second, fresh store: the provider's state. Then check every staged change.
  kill      the same edits; `sync --details` and `pending apply` are killed with SIGKILL at random points,
            by time or after the emulator served a random number of their requests, then run again.
  appliers  the same edits; two `pending apply` processes start at once on one store (SQLite, and
            PostgreSQL with --postgres).

Checks, per run (any breach fails the run, and the harness exits 1):
  lost     a staged change vanished from `pending list --all`, is open without an error, or is `applied`
           while the provider does not hold what was staged;
  doubled  the provider holds a staged forwarding number more than once;
  misreported  the provider holds an edit whose change says conflict or failed (issue 11 §3);
  store    the local store differs from the provider for a touched record;
  integrity, done  (kill trials) PRAGMA integrity_check is not ok, or the runs after the kills do not end
           with nothing pending (a conflict is allowed: it waits for the admin).
"""

import argparse
import concurrent.futures
import contextlib
import json
import os
import queue
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RINGCENTRAL = "Soak"
RESTCOMM = "Soak Restcomm"
FAULTS = "5xx=0.1,429=0.05,drop=0.02,truncate=0.01,latency=0-60"
ROUNDS = 8
ROOT = Path(__file__).resolve().parents[2]


class Emulator:
    """One trunkline-reliability-emulator process; restartable on the same port and state file."""

    def __init__(self, exe, seed, state, port):
        self.exe, self.seed, self.state, self.port = exe, seed, state, port
        self.proc = None
        self.served = 0
        self.counts = {}
        self.credentials = None
        self.restcomm = None
        self._cond = threading.Condition()

    def start(self, faults=""):
        args = [self.exe, "--seed", str(self.seed), "--state", str(self.state), "--port", str(self.port)]
        if faults:
            args += ["--faults", faults]
        self.served = 0
        self.counts = {}
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        ready = threading.Event()

        def read():
            for line in self.proc.stdout:
                if line.startswith("ringcentral-admin "):
                    self.credentials = dict(p.split("=", 1) for p in line.split()[1:])
                elif line.startswith("restcomm "):
                    self.restcomm = dict(p.split("=", 1) for p in line.split()[1:])
                    ready.set()
                elif line.startswith("served "):
                    with self._cond:
                        self.served += 1
                        self._cond.notify_all()
                elif line.startswith("counts "):
                    self.counts = {k: int(v) for k, v in (p.split("=") for p in line.split()[1:])}
            ready.set()

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()
        if not ready.wait(30) or self.credentials is None or self.restcomm is None:
            raise RuntimeError("the emulator did not start")

    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_served(self, count, timeout):
        """True once `count` requests were served since start(); False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: self.served >= count, timeout)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(30)
        self._reader.join(10)
        return self.counts


class Keyring:
    """A private D-Bus session with an unlocked gnome-keyring: the profiles' secrets of one worker. Each
    worker needs its own, because the keychain key is `profile/<id>/<provider>` (issue 11 §1): the stores
    of two seeds both hold profile 1, and their emulators' credentials differ."""

    def __init__(self, workdir):
        self.dir = Path(tempfile.mkdtemp(prefix="keyring.", dir=workdir))
        base = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "LANGUAGE")}
        base["LC_ALL"] = "C.UTF-8"  # the checks read English messages, whatever the user's locale
        base.update(XDG_DATA_HOME=str(self.dir / "data"), XDG_CONFIG_HOME=str(self.dir / "config"),
                    XDG_CACHE_HOME=str(self.dir / "cache"), QT_QPA_PLATFORM="offscreen")
        out = subprocess.run(["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
                             capture_output=True, text=True, env=base, check=True).stdout.split()
        self.pid = int(out[1])
        self.env = dict(base, DBUS_SESSION_BUS_ADDRESS=out[0])
        subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"], input="trunkline-reliability",
                       capture_output=True, text=True, env=self.env, check=True)

    def stop(self):
        # The keyring daemon leaves with its bus.
        os.kill(self.pid, signal.SIGTERM)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cli:
    def __init__(self, exe, database, env):
        self.exe, self.database, self.env = exe, database, env

    def args(self, *arguments):
        return [self.exe, "--database", self.database, *arguments]

    def popen(self, *arguments, **kwargs):
        return subprocess.Popen(self.args(*arguments), env=self.env, **kwargs)

    def run(self, *arguments, stdin=None, timeout=300):
        p = subprocess.run(self.args(*arguments), input=stdin, capture_output=True, text=True, timeout=timeout,
                           env=self.env)
        return p.returncode, p.stdout, p.stderr

    def json(self, *arguments):
        rc, out, err = self.run(*arguments, "--format", "json")
        if rc != 0:
            raise RuntimeError(f"{' '.join(arguments)}: exit {rc}: {err.strip()}")
        return json.loads(out)

    def add_profiles(self, emulator):
        """Soak (RingCentral: extensions, forwarding) and Soak Restcomm (numbers: RingCentral's API cannot
        change a number)."""
        c = emulator.credentials
        secret = f"{c['client_id']}\n{c['client_secret']}\n{c['jwt']}\n"
        for arguments, stdin in ((["--name", RINGCENTRAL, "--provider", "ringcentral"], secret),
                                 (["--name", RESTCOMM, "--provider", "restcomm", "--account",
                                   emulator.restcomm["account_sid"]], emulator.restcomm["auth_token"] + "\n")):
            rc, _, err = self.run("profiles", "add", *arguments, "--base-url", emulator.base_url(), stdin=stdin)
            if rc != 0:
                raise RuntimeError(f"profiles add: {err.strip()}")

    def sync(self):
        rc, _, err = self.run("sync", "--details")
        if rc != 0:
            raise RuntimeError(f"sync: exit {rc}: {err.strip()[-400:]}")


def snapshot(cli):
    """The records the checks compare, keyed by id."""
    extensions = {e["id"]: e for e in cli.json("export", "extensions")}
    forwarding = {}
    for f in cli.json("export", "forwarding"):
        forwarding.setdefault(f["extensionId"], []).append(f)
    numbers = {n["id"]: n for n in cli.json("export", "numbers", "--profile", RESTCOMM)}
    return extensions, forwarding, numbers


# What a staged edit is, so that the checks know what to look for at the provider.
class Edit:
    def __init__(self, kind, key, args, target):
        self.kind, self.key, self.args, self.target = kind, key, args, target


def plan_edits(cli, rng, seed):
    """A few edits of the synced store: two extension updates (name and contact fields), a forwarding
    create and a forwarding delete, each on another extension so that no forwarding list is locked by
    another edit, and a Restcomm number's label (RingCentral's API cannot change a number, so such a
    change could only end failed with its error)."""
    extensions, forwarding, numbers = snapshot(cli)
    users = [e for e in extensions.values() if e["type"] == "User" and e["status"] == "Enabled"]
    rng.shuffle(users)
    edits = []
    for i, e in enumerate(users[:2]):
        # A rename goes through the last name, as in the editor: the name is derived from it (the CLI
        # refuses `name`), and the check expects the derived name at the provider too.
        staged = {"lastName": f"{e['lastName']} S{seed}", "jobTitle": f"Soak {seed}-{i}",
                  "department": f"Team {seed}"}
        target = dict(staged, name=" ".join(x for x in (e["firstName"], staged["lastName"]) if x))
        edits.append(Edit("extension", e["id"], ["update", "extension", e["extensionNumber"]] +
                          [a for k, v in staged.items() for a in ("--set", f"{k}={v}")], target))
    rest = users[2:]
    creatable = [e for e in rest if len(forwarding.get(e["id"], [])) < 9]
    if creatable:
        e = creatable[0]
        phone = f"+4930{5000000 + (seed % 100000) * 10 + 1}"
        edits.append(Edit("forwarding-create", e["id"], ["create", "forwarding", e["extensionNumber"], "--set",
                                                        f"phoneNumber={phone}", "--set", "label=Soak"],
                          {"phoneNumber": phone}))
        rest = [x for x in rest if x["id"] != e["id"]]
    deletable = [e for e in rest if forwarding.get(e["id"])]
    if deletable:
        e = deletable[0]
        last = forwarding[e["id"]][-1]
        edits.append(Edit("forwarding-delete", e["id"], ["delete", "forwarding", e["extensionNumber"], last["id"]],
                          {"id": last["id"], "phoneNumber": last["phoneNumber"]}))
    # A Restcomm number's label (its FriendlyName); the patterns ("*", "1650*") are routes, not numbers.
    plain = sorted(n["id"] for n in numbers.values() if n["number"].startswith("+"))
    if plain:
        n = numbers[rng.choice(plain)]
        label = f"Soak {seed}"
        edits.append(Edit("number", n["id"], ["--profile", RESTCOMM, "update", "number", n["number"], "--set",
                                              f"label={label}"], {"label": label}))
    for edit in edits:
        if edit.args[0] != "--profile":
            edit.args = ["--profile", RINGCENTRAL, *edit.args]
        rc, _, err = cli.run("stage", *edit.args)
        if rc != 0:
            raise RuntimeError(f"stage {' '.join(edit.args)}: exit {rc}: {err.strip()}")
    return edits


def open_changes(cli):
    return [c for c in cli.json("pending", "list", "--all") if c["state"] != "applied"]


def held_at_provider(edit, provider):
    """Whether the provider's state holds what the edit staged."""
    extensions, forwarding, numbers = provider
    if edit.kind == "extension":
        e = extensions.get(edit.key, {})
        return all(e.get(k) == v for k, v in edit.target.items())
    if edit.kind == "forwarding-create":
        return any(f["phoneNumber"] == edit.target["phoneNumber"] for f in forwarding.get(edit.key, []))
    if edit.kind == "forwarding-delete":
        return all(f["id"] != edit.target["id"] for f in forwarding.get(edit.key, []))
    if edit.kind == "number":
        return numbers.get(edit.key, {}).get("label") == edit.target["label"]
    return False


def comparable(records, fields):
    return [{k: r.get(k) for k in fields} for r in records]


def check(cli, verify_cli, edits, staged_ids):
    """The checks of one run; returns (outcome counts, list of problems)."""
    local = snapshot(cli)
    provider = snapshot(verify_cli)
    changes = {c["id"]: c for c in cli.json("pending", "list", "--all")}
    problems = []
    counts = {"applied": 0, "open": 0, "lost": 0, "doubled": 0, "misreported": 0, "store": 0}
    for cid in staged_ids:
        change = changes.get(cid)
        if change is None:
            counts["lost"] += 1
            problems.append(f"change {cid} vanished")
        elif change["state"] == "applied":
            counts["applied"] += 1
        else:
            counts["open"] += 1
            if not change["lastError"]:
                counts["lost"] += 1
                problems.append(f"change {cid} is {change['state']} without an error")
    by_entity = {}
    for cid in staged_ids:
        c = changes.get(cid)
        if c:
            key = c["payload"].get("extensionId") if c["entity"] == "forwarding_number" else c["entityKey"]
            by_entity.setdefault(key, []).append(c)
    for edit in edits:
        mine = by_entity.get(edit.key, [])
        applied = bool(mine) and all(c["state"] == "applied" for c in mine)
        held = held_at_provider(edit, provider)
        if applied and not held:
            # Said applied, never arrived: the edit is lost although nobody was told.
            counts["lost"] += 1
            target = edit.target
            if edit.kind == "extension":
                remote = provider[0].get(edit.key, {})
                target = {k: f"{v!r} (provider: {remote.get(k)!r})" for k, v in target.items() if remote.get(k) != v}
            problems.append(f"{edit.kind} {edit.key}: applied but the provider does not hold {target}")
        elif held and not applied:
            # Arrived, but the change says otherwise (issue 11 §3: a conflict or failure after the
            # provider's success); the admin is not misled into a loss, but may re-send.
            counts["misreported"] += 1
            states = ",".join(c["state"] for c in mine)
            problems.append(f"{edit.kind} {edit.key}: the provider holds it but the change is {states}")
        if edit.kind == "forwarding-create":
            copies = sum(f["phoneNumber"] == edit.target["phoneNumber"]
                         for fl in provider[1].values() for f in fl)
            if copies > 1:
                counts["doubled"] += copies - 1
                problems.append(f"{edit.target['phoneNumber']} is at the provider {copies} times")
        # The local store equals the provider for the touched record.
        if edit.kind == "extension":
            fields = ["name", "status", "jobTitle", "department", "email"]
            same = comparable([local[0].get(edit.key, {})], fields) == comparable([provider[0].get(edit.key, {})], fields)
        elif edit.kind.startswith("forwarding"):
            fields = ["id", "phoneNumber", "label", "type", "features", "flipNumber"]
            same = comparable(local[1].get(edit.key, []), fields) == comparable(provider[1].get(edit.key, []), fields)
        else:
            fields = ["number", "label", "extensionId"]
            same = comparable([local[2].get(edit.key, {})], fields) == comparable([provider[2].get(edit.key, {})], fields)
        if not same:
            counts["store"] += 1
            problems.append(f"{edit.kind} {edit.key}: the local store differs from the provider")
    return counts, problems


class Run:
    """One seed's set-up: an emulator with a state file, a store synced from it, staged edits."""

    def __init__(self, args, seed, workdir, keyring):
        self.args, self.seed, self.env = args, seed, keyring.env
        self.dir = Path(workdir) / f"seed{seed}"
        self.dir.mkdir(parents=True)
        self.emulator = Emulator(args.emulator, seed, self.dir / "state.json", free_port())
        self.cli = Cli(args.cli, str(self.dir / "local.sqlite"), self.env)

    def prepare(self, database=None):
        if database:
            self.cli = Cli(self.args.cli, database, self.env)
        self.emulator.start()
        self.cli.add_profiles(self.emulator)
        self.cli.sync()
        self.edits = plan_edits(self.cli, random.Random(self.seed), self.seed)
        self.staged = [c["id"] for c in self.cli.json("pending", "list", "--all")]
        self.emulator.stop()

    def verify(self):
        """Restarts the emulator without faults and syncs a fresh store from it: the provider's state."""
        self.emulator.start()
        verify_cli = Cli(self.args.cli, str(self.dir / "provider.sqlite"), self.env)
        verify_cli.add_profiles(self.emulator)
        verify_cli.sync()
        result = check(self.cli, verify_cli, self.edits, self.staged)
        self.emulator.stop()
        return result

    def apply_until_done(self, codes, command=("pending", "apply")):
        """`command` until it exits 0 with nothing open (or ROUNDS rounds); appends each exit code."""
        for _ in range(ROUNDS):
            rc, _, _ = self.cli.run(*command)
            codes.append(rc)
            if rc == 0 and not open_changes(self.cli):
                return
            # A failed change waits out its backoff before it is due again.
            time.sleep(0.5)


def integrity(database):
    with sqlite3.connect(database) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def parallel(args, workdir, trial, items):
    """Runs trial(item, keyring) for each item on args.jobs workers (each with its own keyring) and yields
    the results in item order, as they come."""
    Path(workdir).mkdir(parents=True, exist_ok=True)
    keyrings = queue.Queue()
    started = [Keyring(workdir) for _ in range(args.jobs)]
    for k in started:
        keyrings.put(k)

    def one(item):
        keyring = keyrings.get()
        try:
            return trial(item, keyring)
        finally:
            keyrings.put(keyring)

    try:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            yield from pool.map(one, items)
    finally:
        for k in started:
            k.stop()


def broke(counts):
    """The invariants: nothing lost, nothing doubled, nothing misreported (the provider holds an edit whose
    change says conflict or failed), the local store equal to the provider."""
    return bool(counts["lost"] or counts["doubled"] or counts["misreported"] or counts["store"])


def add(totals, counts):
    for key, value in counts.items():
        totals[key] = totals.get(key, 0) + value


def problem_lines(problems):
    return "".join(f"\n      ! {p}" for p in problems)


def soak(args, workdir):
    print(f"fault soak: {args.seeds} seeds, faults {FAULTS}, up to {ROUNDS} rounds of `sync --details` "
          "(pull, then apply)")
    columns = ["requests", "5xx", "429", "dropped", "truncated", "staged", "applied", "open", "lost", "doubled",
               "misreported", "store"]
    print(f"{'seed':>5} " + " ".join(f"{c:>9}" for c in columns) + "  exit codes")

    def trial(seed, keyring):
        run = Run(args, seed, workdir, keyring)
        t0 = time.monotonic()
        run.prepare()
        t1 = time.monotonic()
        run.emulator.start(FAULTS)
        codes = []
        run.apply_until_done(codes, ("sync", "--details"))
        faults = run.emulator.stop()
        t2 = time.monotonic()
        counts, problems = run.verify()
        if os.environ.get("RELIABILITY_TIMES"):
            print(f"seed {seed}: prepare {t1 - t0:.1f} s, faulted {t2 - t1:.1f} s, verify {time.monotonic() - t2:.1f} s")
        return dict(faults, staged=len(run.staged), **counts), codes, problems

    totals, failures = {}, 0
    seeds = range(args.first_seed, args.first_seed + args.seeds)
    for seed, (counts, codes, problems) in zip(seeds, parallel(args, workdir, trial, seeds)):
        add(totals, counts)
        failures += broke(counts)
        print(f"{seed:>5} " + " ".join(f"{counts.get(c, 0):>9}" for c in columns) + "  " +
              ",".join(map(str, codes)) + problem_lines(problems), flush=True)
    print(f"{'total':>5} " + " ".join(f"{totals.get(c, 0):>9}" for c in columns))
    print(f"soak: {failures} of {args.seeds} seeds broke an invariant")
    return failures


def killed(cli, emulator, arguments, rng, most_requests):
    """Runs trunkline-cli `arguments` and SIGKILLs it at a random point: by time or by request count.
    Returns where it was killed, or its exit code if it finished first."""
    before = emulator.served
    proc = cli.popen(*arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if rng.random() < 0.5:
        delay = rng.uniform(0.05, 1.5)
        try:
            return f"exit {proc.wait(delay)}"
        except subprocess.TimeoutExpired:
            how = f"at {delay:.2f} s"
    else:
        n = rng.randint(1, most_requests)
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if emulator.wait_served(before + n, 0.02):
                break
        if proc.poll() is not None:
            return f"exit {proc.returncode}"
        how = f"at request {n}"
    proc.kill()
    proc.wait()
    return f"killed {how}"


def kill_trials(args, workdir):
    print(f"kill -9 trials: {args.trials} runs; `pending apply`, then `sync --details`, each killed at a random "
          f"time or request count, then `sync --details` until done (latency=20-120)")
    print(f"{'trial':>5} {'apply':<20} {'sync':<20} {'integrity':<9} {'next':>4} {'done':>4} {'applied':>7} "
          f"{'lost':>4} {'doubled':>7} {'misrep':>6} {'store':>5}")

    def trial(number, keyring):
        rng = random.Random(1000 + number)
        run = Run(args, 1000 + number, workdir, keyring)
        run.prepare()
        run.emulator.start("latency=20-120")
        how = [killed(run.cli, run.emulator, ["pending", "apply"], rng, 12),
               killed(run.cli, run.emulator, ["sync", "--details"], rng, 60)]
        ok = integrity(run.cli.database)
        codes = []
        run.apply_until_done(codes, ("sync", "--details"))
        done = codes[-1] in (0, 5) and not [c for c in open_changes(run.cli) if c["state"] != "conflict"]
        run.emulator.stop()
        counts, problems = run.verify()
        return how, ok, codes, done, counts, problems

    failures, totals, kills = 0, {}, 0
    for number, (how, ok, codes, done, counts, problems) in zip(
            range(1, args.trials + 1), parallel(args, workdir, trial, range(1, args.trials + 1))):
        add(totals, counts)
        kills += sum(h.startswith("killed") for h in how)
        failures += bool(ok != "ok" or not done or broke(counts))
        print(f"{number:>5} {how[0]:<20} {how[1]:<20} {ok:<9} {codes[0]:>4} {'yes' if done else 'NO':>4} "
              f"{counts['applied']:>7} {counts['lost']:>4} {counts['doubled']:>7} {counts['misreported']:>6} "
              f"{counts['store']:>5}" + problem_lines(problems), flush=True)
    print(f"kill: {kills} kills in {args.trials} trials; {failures} trials broke an invariant; totals {totals}")
    return failures


def appliers(args, workdir, postgres_url=None):
    engine = "PostgreSQL" if postgres_url else "SQLite"
    print(f"two appliers at once on one {engine} store: {args.applier_trials} trials (latency=100-400 so that "
          f"they overlap); then `pending apply` until nothing is open")
    print(f"{'trial':>5} {'exit A':>6} {'exit B':>6} {'applied':>7} {'open':>4} {'lost':>4} {'doubled':>7} "
          f"{'misrep':>6} {'store':>5}")

    def trial(number, keyring):
        seed = 2000 + number
        run = Run(args, seed, workdir, keyring)
        run.prepare(create_pg_database(postgres_url, f"trial_{seed}") if postgres_url else None)
        run.emulator.start("latency=100-400")
        procs = [run.cli.popen("pending", "apply", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for _ in range(2)]
        codes = [p.wait(300) for p in procs]
        # Whatever the two left open (a change the loser failed) a later apply finishes.
        run.apply_until_done([])
        run.emulator.stop()
        counts, problems = run.verify()
        return codes, counts, problems

    failures, exits, totals = 0, {}, {}
    for number, (codes, counts, problems) in zip(
            range(1, args.applier_trials + 1), parallel(args, workdir, trial, range(1, args.applier_trials + 1))):
        add(totals, counts)
        for c in codes:
            exits[c] = exits.get(c, 0) + 1
        failures += broke(counts)
        print(f"{number:>5} {codes[0]:>6} {codes[1]:>6} {counts['applied']:>7} {counts['open']:>4} "
              f"{counts['lost']:>4} {counts['doubled']:>7} {counts['misreported']:>6} {counts['store']:>5}" +
              problem_lines(problems), flush=True)
    print(f"appliers ({engine}): {failures} of {args.applier_trials} trials broke an invariant; totals {totals}; "
          f"exit codes of the two appliers: {dict(sorted(exits.items()))}")
    return failures


def create_pg_database(url, name):
    subprocess.run(["psql", url, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    return re.sub(r"/[^/]*$", f"/{name}", url)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trials_to_run", nargs="*", choices=["soak", "kill", "appliers", []], default=[])
    parser.add_argument("--short", action="store_true", help="the ctest sizes")
    parser.add_argument("--seeds", type=int)
    parser.add_argument("--trials", type=int)
    parser.add_argument("--applier-trials", type=int)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--first-seed", type=int, default=1, help="soak: start here (to repeat one seed)")
    parser.add_argument("--keep", action="store_true", help="keep the stores and emulator states")
    parser.add_argument("--jobs", type=int, default=5, help="trials at once (they mostly wait)")
    parser.add_argument("--cli", default=str(ROOT / "build/dev/src/cli/trunkline-cli"))
    parser.add_argument("--emulator",
                        default=str(ROOT / "build/dev/bench/reliability/trunkline-reliability-emulator"))
    args = parser.parse_args()
    args.seeds = args.seeds or (10 if args.short else 100)
    args.trials = args.trials or (5 if args.short else 50)
    args.applier_trials = args.applier_trials or (3 if args.short else 10)
    which = args.trials_to_run or ["soak", "kill", "appliers"]
    failures = 0
    with contextlib.ExitStack() as stack:
        if args.keep:
            workdir = tempfile.mkdtemp(prefix="trunkline-reliability.")
            print(f"stores and states kept in {workdir}")
        else:
            workdir = stack.enter_context(tempfile.TemporaryDirectory(prefix="trunkline-reliability."))
        if "soak" in which:
            failures += soak(args, Path(workdir) / "soak")
        if "kill" in which:
            failures += kill_trials(args, Path(workdir) / "kill")
        if "appliers" in which:
            failures += appliers(args, Path(workdir) / "appliers")
            if args.postgres:
                pgdir = tempfile.mkdtemp(prefix="trunkline-reliability-pg.")
                url = subprocess.run([str(ROOT / "scripts/pg-throwaway"), "start", pgdir], check=True,
                                     capture_output=True, text=True).stdout.strip()
                try:
                    failures += appliers(args, Path(workdir) / "appliers-pg", url)
                finally:
                    subprocess.run([str(ROOT / "scripts/pg-throwaway"), "stop", pgdir])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
