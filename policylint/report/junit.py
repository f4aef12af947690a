"""``junit``: JUnit XML for CI test dashboards.

One ``testsuite`` per input; each finding is a failing ``testcase``; a file without
findings has one passing testcase, a skipped file a skipped one, an unreadable file an
errored one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from policylint.report.common import FileView, Item, Report, label

_CASE_NAME = "policylint"


def _failure_text(view: FileView, item: Item, lang: str) -> str:
    position = f"{view.path}:{item.start.line}:{item.start.column}"
    lines = [f"{position}: {item.severity} {item.rule} {item.message}"]
    if item.start.excerpt:
        lines.append(item.start.excerpt)
    if item.law:
        lines.append(f"{label('law', lang)}: {item.law}")
    if item.fix:
        lines.append(f"{label('fix', lang)}: {item.fix}")
    lines.extend(
        f"{label('related', lang)}: {view.path}:{place.line}:{place.column}"
        for place in item.related
    )
    return "\n".join(lines)


def _suite(view: FileView, lang: str) -> ET.Element:
    suite = ET.Element("testsuite", name=view.path)
    failures = errors = skipped = 0
    if view.error is not None:
        case = ET.SubElement(suite, "testcase", classname=view.path, name=_CASE_NAME)
        error = ET.SubElement(case, "error", type=view.error.code, message=view.error.message)
        error.text = f"{view.path}: {view.error.message}"
        errors = 1
    elif view.skipped is not None:
        case = ET.SubElement(suite, "testcase", classname=view.path, name=_CASE_NAME)
        ET.SubElement(case, "skipped", message=view.skipped)
        skipped = 1
    elif not view.items:
        ET.SubElement(suite, "testcase", classname=view.path, name=_CASE_NAME)
    for item in view.items:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=view.path,
            name=f"{item.rule} {item.start.line}:{item.start.column}",
            file=view.path,
            line=str(item.start.line),
        )
        failure = ET.SubElement(case, "failure", type=item.rule, message=item.message)
        failure.text = _failure_text(view, item, lang)
        failures += 1
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", str(skipped))
    return suite


def render(report: Report) -> str:
    root = ET.Element("testsuites", name="policylint")
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for view in report.files:
        suite = _suite(view, report.lang)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
