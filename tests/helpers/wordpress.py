"""WordPress exports to import: the French and German ones beside the tests (as WordPress 6 writes
them) and WordPress's own theme test data in ../shared."""

from pathlib import Path

from django.conf import settings

FIXTURES = Path(__file__).resolve().parent.parent / "importers" / "wordpress"
FRENCH = FIXTURES / "export-fr.xml"
GERMAN = FIXTURES / "export-de.xml"
THEME_TEST_DATA = (
    settings.BASE_DIR.parent / "shared" / "data" / "wordpress" / "themeunittestdata.wordpress.xml"
)


def exported(path, *replacements):
    """The export's bytes, with (old, new) texts replaced: a newer export, a broken one."""
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text.encode()


def skipped_reasons(report):
    return [str(problem) for problem in report.skipped]
