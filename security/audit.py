"""Dependency audit of the locked environment.

Two sources of findings:

* pip-audit, run by scripts/audit on the exported lock (online: PyPI's
  vulnerability data). On our machines PyPI's per-version JSON answers 404 and
  api.osv.dev is out of reach, so pip-audit usually audits nothing; we say so
  in one line and carry on.
* security/advisories.yml: OSV records transcribed from the PyPA advisory
  database (see the file's header for where each one was read). Checked
  offline against the locked versions with OSV's ECOSYSTEM range semantics.

Every finding must have an entry in security/reviewed.yml saying what was done
about it (upgraded pin / not reachable / accepted). Exit status: 1 when a
finding has no such entry; 2 when the audit is incomplete (pip-audit could not
run or could not check some packages, or the offline data has nothing for some
locked packages), unless that is accepted explicitly with
``--accept-incomplete`` (``AUDIT_ACCEPT_INCOMPLETE=1`` in scripts/audit); the
packages not checked are listed loudly either way; 0 otherwise.

    python -m security.audit --requirements results/audit/requirements.txt \
        [--pip-audit-json results/audit/pip-audit.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import yaml
from packaging.markers import default_environment
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
ADVISORIES = ROOT / "security" / "advisories.yml"
REVIEWED = ROOT / "security" / "reviewed.yml"
OUTPUT = ROOT / "results" / "audit" / "audit.json"

DECISIONS = ("upgraded pin", "not reachable", "accepted")


# --- versions and OSV ranges ------------------------------------------------


def _version(value: Any) -> Version:
    """A PEP 440 version; OSV's introduced "0" means "from the beginning"."""
    return Version(str(value))


def _event_kind(event: Mapping[str, Any]) -> Tuple[str, Version]:
    for kind in ("introduced", "fixed", "last_affected"):
        if kind in event and event[kind] is not None:
            return kind, _version(event[kind])
    raise ValueError(f"unknown OSV event {dict(event)!r}")


def is_affected(version: Any, events: Sequence[Mapping[str, Any]]) -> bool:
    """Whether `version` falls in an OSV ECOSYSTEM range given by its events.

    OSV's evaluation: sort the events by version and walk them; an
    `introduced` at or below the version turns it affected, a `fixed` at or
    below it (or a `last_affected` below it) turns it safe again. A range with
    only `introduced` (no fix published) affects every later version.
    """
    v = _version(version)
    parsed = sorted((_event_kind(e) for e in events if e), key=lambda kv: kv[1])
    affected = False
    for kind, at in parsed:
        if kind == "introduced" and v >= at:
            affected = True
        elif kind == "fixed" and v >= at:
            affected = False
        elif kind == "last_affected" and v > at:
            affected = False
    return affected


def fixed_versions(events: Sequence[Mapping[str, Any]]) -> List[str]:
    """The `fixed` versions of a range, lowest first (empty: no fix)."""
    fixed = [str(e["fixed"]) for e in events if e and e.get("fixed") is not None]
    return sorted(fixed, key=_version)


def fix_for(version: Any, events: Sequence[Mapping[str, Any]]) -> Optional[str]:
    """The lowest fixed version above `version`, if any."""
    v = _version(version)
    above = [f for f in fixed_versions(events) if _version(f) > v]
    return above[0] if above else None


# --- the locked environment -------------------------------------------------


def parse_requirements(text: str, environment: Optional[Mapping[str, str]] = None) -> Tuple[Dict[str, str], List[str]]:
    """`uv export` output -> ({canonical name: pinned version}, skipped lines).

    Lines whose environment marker does not hold here (e.g. win32-only
    wheels) are left out, as pip-audit does; `skipped` lists them.
    """
    env = dict(default_environment())
    env.update(environment or {})
    locked: Dict[str, str] = {}
    skipped: List[str] = []
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith(("#", "-")):
            continue
        try:
            req = Requirement(line)
        except InvalidRequirement:
            skipped.append(line)
            continue
        pins = [s for s in req.specifier if s.operator in ("==", "===")]
        if len(pins) != 1:
            skipped.append(line)
            continue
        if req.marker is not None and not req.marker.evaluate(env):
            skipped.append(line)
            continue
        locked[canonicalize_name(req.name)] = pins[0].version
    return locked, skipped


# --- findings -----------------------------------------------------------------


@dataclass
class Finding:
    package: str
    version: str
    id: str
    fixed_in: Optional[str]
    summary: str
    aliases: List[str] = field(default_factory=list)
    source: str = ""
    origin: str = "offline"  # "offline" (advisories.yml) or "pip-audit"

    def names(self) -> set:
        return {self.id, *self.aliases}


def load_advisories(path: Path = ADVISORIES) -> Dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    data.setdefault("advisories", [])
    data.setdefault("coverage", {})
    return data


def offline_findings(locked: Mapping[str, str], advisories: Iterable[Mapping[str, Any]]) -> List[Finding]:
    """Advisories (not withdrawn) whose ranges hold the locked version."""
    findings = []
    for adv in advisories:
        if adv.get("withdrawn"):
            continue
        name = canonicalize_name(adv["package"])
        version = locked.get(name)
        if version is None:
            continue
        try:
            hit = is_affected(version, adv.get("affected") or [])
        except InvalidVersion:
            continue  # a non-PEP 440 lock entry: nothing sound to say
        if hit:
            findings.append(
                Finding(
                    package=name,
                    version=version,
                    id=adv["id"],
                    fixed_in=fix_for(version, adv.get("affected") or []),
                    summary=adv.get("summary", ""),
                    aliases=list(adv.get("aliases") or []),
                    source=adv.get("source", ""),
                    origin="offline",
                )
            )
    return findings


def pip_audit_findings(report: Mapping[str, Any]) -> Tuple[List[Finding], List[str], int]:
    """pip-audit's JSON -> (findings, packages it could not audit, audited count)."""
    findings: List[Finding] = []
    not_audited: List[str] = []
    audited = 0
    for dep in report.get("dependencies", []):
        name = canonicalize_name(dep.get("name", "?"))
        if "skip_reason" in dep:
            not_audited.append(name)
            continue
        audited += 1
        for vuln in dep.get("vulns", []):
            fixes = sorted(vuln.get("fix_versions") or [], key=_version)
            summary = " ".join((vuln.get("description") or "").split())
            findings.append(
                Finding(
                    package=name,
                    version=str(dep.get("version", "?")),
                    id=vuln["id"],
                    fixed_in=fixes[0] if fixes else None,
                    summary=summary[:200],
                    aliases=list(vuln.get("aliases") or []),
                    source="pip-audit",
                    origin="pip-audit",
                )
            )
    return findings, not_audited, audited


def merge(findings: Iterable[Finding]) -> List[Finding]:
    """One finding per package and advisory, whichever source named it first."""
    merged: List[Finding] = []
    for f in findings:
        twin = next((m for m in merged if m.package == f.package and m.names() & f.names()), None)
        if twin is None:
            merged.append(f)
        else:
            twin.aliases = sorted((twin.names() | f.names()) - {twin.id})
            if twin.origin != f.origin:
                twin.origin = "offline+pip-audit"
    return sorted(merged, key=lambda f: (f.package, _natural(f.id)))


def _natural(text: str) -> list:
    """PYSEC-2026-237 before PYSEC-2026-1096: numbers compared as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


# --- reviews --------------------------------------------------------------------


def load_reviewed(path: Path = REVIEWED) -> List[Dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    entries = (data or {}).get("reviewed", []) if isinstance(data, dict) else (data or [])
    for entry in entries:
        if entry.get("decision") not in DECISIONS:
            raise ValueError(
                f"{path.name}: {entry.get('id')}: decision must be one of {DECISIONS}, "
                f"not {entry.get('decision')!r}"
            )
        if not str(entry.get("reason", "")).strip():
            raise ValueError(f"{path.name}: {entry.get('id')}: a reason is required")
    return entries


def review_of(finding: Finding, reviewed: Iterable[Mapping[str, Any]]) -> Optional[Mapping[str, Any]]:
    """The review covering this finding: same package, the advisory's id or an
    alias, and (when the review names one) the same locked version; a review
    of another version does not carry over to an upgrade or downgrade."""
    for entry in reviewed:
        if canonicalize_name(entry.get("package", "")) != finding.package:
            continue
        if entry.get("id") not in finding.names():
            continue
        if entry.get("version") is not None and str(entry["version"]) != finding.version:
            continue
        return entry
    return None


def split_reviewed(
    findings: Sequence[Finding], reviewed: Sequence[Mapping[str, Any]]
) -> Tuple[List[Tuple[Finding, Mapping[str, Any]]], List[Finding], List[Mapping[str, Any]]]:
    """-> (reviewed findings with their review, unreviewed findings, stale reviews)."""
    done, todo = [], []
    used = set()
    for f in findings:
        entry = review_of(f, reviewed)
        if entry is None:
            todo.append(f)
        else:
            done.append((f, entry))
            used.add(id(entry))
    stale = [e for e in reviewed if id(e) not in used]
    return done, todo, stale


# --- report -----------------------------------------------------------------------


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(findings: Sequence[Finding], reviewed: Sequence[Mapping[str, Any]]) -> str:
    rows = [("package", "locked", "advisory", "fixed in", "review", "summary")]
    for f in findings:
        entry = review_of(f, reviewed)
        rows.append(
            (
                f.package,
                f.version,
                f.id,
                f.fixed_in or "no fix",
                entry["decision"] if entry else "UNREVIEWED",
                _cut(f.summary, 70),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths)) + "  " + row[-1])
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 7)
    return "\n".join(lines)


def run(
    requirements: Path,
    pip_audit_json: Optional[Path],
    advisories_path: Path = ADVISORIES,
    reviewed_path: Path = REVIEWED,
    output: Path = OUTPUT,
    pip_audit_error: str = "",
    out=sys.stdout,
    accept_incomplete: bool = False,
) -> int:
    locked, skipped = parse_requirements(requirements.read_text(encoding="utf-8"))
    data = load_advisories(advisories_path)
    reviewed = load_reviewed(reviewed_path)

    online: List[Finding] = []
    pa: Dict[str, Any] = {"ran": False, "audited": 0, "not_audited": [], "error": pip_audit_error}
    if pip_audit_json is not None and pip_audit_json.exists():
        try:
            report = json.loads(pip_audit_json.read_text(encoding="utf-8"))
            online, not_audited, audited = pip_audit_findings(report)
            pa.update(ran=True, audited=audited, not_audited=not_audited)
        except (ValueError, KeyError) as exc:
            pa["error"] = pa["error"] or f"unreadable pip-audit report: {exc}"
    if not pa["ran"]:
        print(
            f"pip-audit: did not run ({pa['error'] or 'no report'}); "
            f"{len(locked)} packages not audited online, offline check only.",
            file=out,
        )
    elif pa["not_audited"]:
        print(
            f"pip-audit: could not reach its vulnerability service for "
            f"{len(pa['not_audited'])} of {len(pa['not_audited']) + pa['audited']} packages "
            f"(not audited online); the offline check below still runs.",
            file=out,
        )
    else:
        print(
            f"pip-audit: audited {pa['audited']} packages online, " f"{len(online)} vulnerabilities reported.", file=out
        )

    offline = offline_findings(locked, data["advisories"])
    findings = merge([*offline, *online])
    done, todo, stale = split_reviewed(findings, reviewed)

    covered = {canonicalize_name(a["package"]) for a in data["advisories"]}
    no_data = sorted(
        canonicalize_name(p)
        for p, note in data["coverage"].items()
        if canonicalize_name(p) in locked and canonicalize_name(p) not in covered
    )
    print(
        f"offline: {len(data['advisories'])} advisories for {len(covered)} packages "
        f"({advisories_path.relative_to(ROOT) if advisories_path.is_relative_to(ROOT) else advisories_path}); "
        f"{len(locked)} locked packages checked.",
        file=out,
    )
    if no_data:
        print("offline: no advisory data could be read for: " + ", ".join(no_data), file=out)

    if findings:
        print("", file=out)
        print(format_table(findings, reviewed), file=out)
        print("", file=out)
    not_checked_online = sorted(locked) if not pa["ran"] else sorted(pa["not_audited"])
    incomplete = bool(not_checked_online or no_data)
    scope = " of an INCOMPLETE audit" if incomplete else ""
    print(f"{len(findings)} findings{scope}: {len(done)} reviewed, {len(todo)} not reviewed.", file=out)
    if incomplete:
        print("", file=out)
        print("!" * 78, file=out)
        print("WARNING: THE AUDIT IS INCOMPLETE. Unknown vulnerabilities may be present in:", file=out)
        if not_checked_online:
            print(
                f"  - {len(not_checked_online)} packages not checked online (pip-audit: {pa['error'] or 'no data'}): "
                + ", ".join(not_checked_online[:12])
                + (" ..." if len(not_checked_online) > 12 else ""),
                file=out,
            )
        if no_data:
            print(f"  - {len(no_data)} packages with no offline advisory data: " + ", ".join(no_data), file=out)
        print(
            "  Accepted explicitly (--accept-incomplete)."
            if accept_incomplete
            else "  Failing: run it where "
            "PyPI's vulnerability service is reachable, or accept this with AUDIT_ACCEPT_INCOMPLETE=1.",
            file=out,
        )
        print("!" * 78, file=out)
    for entry in stale:
        print(
            f"note: {reviewed_path.name} entry {entry.get('package')} {entry.get('id')} "
            f"matches no current finding (fixed, or the version changed); review or remove it.",
            file=out,
        )
    for f in todo:
        print(
            f"NOT REVIEWED: {f.package} {f.version} {f.id} — add an entry to "
            f"{reviewed_path.name} saying what was done.",
            file=out,
        )

    output.parent.mkdir(parents=True, exist_ok=True)
    result = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "requirements": str(requirements),
        "locked_packages": len(locked),
        "skipped_requirement_lines": skipped,
        "pip_audit": pa,
        "offline": {
            "advisories": len(data["advisories"]),
            "packages_with_data": sorted(covered),
            "packages_without_data": no_data,
        },
        "findings": [{**asdict(f), "review": dict(review_of(f, reviewed) or {}) or None} for f in findings],
        "unreviewed": [f"{f.package} {f.version} {f.id}" for f in todo],
        "stale_reviews": [f"{e.get('package')} {e.get('id')}" for e in stale],
        "complete": not incomplete,
        "not_checked": {"online": not_checked_online, "offline": no_data},
        "ok": not todo,
    }
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if todo:
        return 1
    return 2 if incomplete and not accept_incomplete else 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=textwrap.dedent(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--requirements", type=Path, required=True, help="uv export --no-hashes output (the locked environment)"
    )
    parser.add_argument("--pip-audit-json", type=Path, default=None)
    parser.add_argument("--pip-audit-error", default="", help="why pip-audit produced no report, if it did not")
    parser.add_argument("--advisories", type=Path, default=ADVISORIES)
    parser.add_argument("--reviewed", type=Path, default=REVIEWED)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--accept-incomplete", action="store_true", help="exit 0 even if some packages could not be checked"
    )
    args = parser.parse_args(argv)
    return run(
        args.requirements,
        args.pip_audit_json,
        args.advisories,
        args.reviewed,
        args.output,
        args.pip_audit_error,
        accept_incomplete=args.accept_incomplete,
    )


if __name__ == "__main__":
    sys.exit(main())
