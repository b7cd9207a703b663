"""Every copy-paste snippet in the README works as the README says."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET

import yaml
from conftest import REPO, factlint, locations, readme_snippet, snippet_commands, write

from factlint.config import load_config_file

DRAFT = """\
    # Ferry fares

    The minister reportedly wants higher fares, and the the board agreed.

    Councillor Mia Grant slammed the proposal on Monday.
    """


def test_before_filing(tmp_path):
    path = write(tmp_path, "draft.md", DRAFT)
    check, diff, fix = snippet_commands(readme_snippet("before-filing"))
    run = factlint(*check, cwd=tmp_path)
    assert run.code == 1 and len(locations(run.out)) == 3
    run = factlint(*diff, cwd=tmp_path)
    assert "-The minister reportedly wants higher fares, and the the board agreed." in run.out
    assert "the the" in path.read_text(encoding="utf-8")  # --diff wrote nothing
    run = factlint(*fix, cwd=tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "and the board agreed" in text and "slammed" in text  # safe fix only
    assert [r for _, _, r in locations(run.out)] == ["sourcing/vague-reports", "framing/loaded-said"]


def test_config_snippet(tmp_path):
    write(tmp_path, ".factlint.yaml", readme_snippet("config"))
    config = load_config_file(tmp_path / ".factlint.yaml")
    assert config.fail_on == "error"
    column = write(tmp_path, "opinion/column.md", DRAFT)
    write(tmp_path, "archive/2001/old.md", DRAFT)
    write(
        tmp_path,
        "news/figures.md",
        """\
        # Ferry fares

        The new fares will cost commuters $12 million a year.

        US and EU officials met in Kyiv. The U.S. envoy said the talks went well.
        """,
    )
    run = factlint("--format", "json", ".", cwd=tmp_path)
    found = {(f["path"], f["rule"], f["severity"]) for f in json.loads(run.out)["findings"]}
    assert found == {
        ("opinion/column.md", "sourcing/vague-reports", "warning"),
        ("opinion/column.md", "editing/repeated-word", "error"),
        ("news/figures.md", "attribution/unsourced-figure", "error"),
    }
    assert run.code == 1  # errors, and fail-on is error
    column.write_text("# Fares\n\nThe minister reportedly wants higher fares.\n", encoding="utf-8")
    assert factlint("opinion", cwd=tmp_path).code == 0  # only a warning left


def test_suppressions_snippet(tmp_path):
    snippet = readme_snippet("suppressions")
    write(tmp_path, "draft.md", "# Resignation\n\n" + snippet)
    assert locations(factlint("--report-unused-suppressions", "draft.md", cwd=tmp_path).out) == []
    bare = "\n".join(line for line in snippet.splitlines() if not line.startswith("<!--"))
    write(tmp_path, "draft.md", "# Resignation\n\n" + bare)
    assert sorted(r for _, _, r in locations(factlint("draft.md", cwd=tmp_path).out)) == [
        "framing/loaded-said",
        "sourcing/vague-reports",
    ]


def test_baseline_snippet(tmp_path):
    write(tmp_path, "archive/2009/ferry.md", DRAFT)
    record, check = snippet_commands(readme_snippet("baseline"))
    assert factlint(*record, cwd=tmp_path).code == 0
    assert factlint(*check, cwd=tmp_path).code == 0
    write(tmp_path, "archive/2010/new.md", "# Fares\n\nThe board reportedly agreed.\n")
    run = factlint(*check, cwd=tmp_path)
    assert locations(run.out) == [("archive/2010/new.md", 3, "sourcing/vague-reports")]


def test_gitlab_snippet(tmp_path):
    job = yaml.safe_load(readme_snippet("gitlab-ci"))["factlint"]
    write(tmp_path, "stories/ferry.md", DRAFT)
    write(tmp_path, "stories/clean.md", "# Fares\n\nThe board agreed on Monday, its chair said.\n")
    commands = snippet_commands("\n".join(job["script"]))
    assert len(commands) == 1
    run = factlint(*commands[0], cwd=tmp_path)
    assert run.code == 1
    report = job["artifacts"]["reports"]["junit"]
    root = ET.parse(tmp_path / report).getroot()
    assert {s.get("name"): s.get("failures") for s in root.iter("testsuite")} == {
        "stories/clean.md": "0",
        "stories/ferry.md": "3",
    }
    assert job["artifacts"]["when"] == "always"


def test_github_actions_example_uses_this_repository_s_action():
    """The example workflow and the README's one-line use name the action at the root of this
    repository with inputs it has; tests/test_action.py runs the action's steps."""
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    workflow = yaml.safe_load((REPO / "examples/github-actions.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["factlint"]["steps"]
    (use,) = [s for s in steps if s.get("uses", "").startswith("factlint/factlint@")]
    assert set(use["with"]) <= set(action["inputs"])
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == use["with"]["sarif"] and upload["if"] == "always()"
    assert workflow["permissions"]["security-events"] == "write"
    assert steps[0]["with"]["fetch-depth"] == 0  # --diff-base needs the base commit
    (one_line,) = yaml.safe_load(readme_snippet("github-action"))
    assert one_line == {"uses": use["uses"]}


def test_snippets_name_a_revision_that_exists():
    """No snippet pins a tag the repository does not have: ``main`` or an existing tag."""
    tags = set(subprocess.run(["git", "tag", "-l"], cwd=REPO, capture_output=True, text=True).stdout.split())
    for path in [REPO / "README.md", REPO / "examples/github-actions.yml", *sorted((REPO / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for ref in re.findall(r"(?:rev: |factlint/factlint@)([\w.-]+)", text):
            assert ref == "main" or ref in tags, f"{path.name} pins {ref!r}, which is neither main nor a tag"


def test_pre_commit_snippet_names_the_hook_this_repository_ships():
    config = yaml.safe_load(readme_snippet("pre-commit"))
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in config["repos"][0]["hooks"]] == [h["id"] for h in hooks]


def test_configuration_reference_examples_are_valid(tmp_path):
    text = (REPO / "docs/configuration.md").read_text(encoding="utf-8")
    yaml_example = re.search(r"```yaml\n(# \.factlint\.yaml\n.*?)```", text, re.DOTALL).group(1)
    toml_example = re.search(r"```toml\n(.*?)```", text, re.DOTALL).group(1)
    (tmp_path / ".factlint.yaml").write_text(yaml_example, encoding="utf-8")
    config = load_config_file(tmp_path / ".factlint.yaml")
    assert config.overrides_for(str(tmp_path / "opinion/a.md")).ignore == ("editing/us-spelling", "framing")
    (tmp_path / "pyproject.toml").write_text(toml_example, encoding="utf-8")
    config = load_config_file(tmp_path / "pyproject.toml")
    assert config.fail_on == "error" and config.exclude == ("archive/**",)
    assert config.overrides_for(str(tmp_path / "opinion/a.md")).ignore == ("editing/us-spelling", "framing")
