"""The document's own fields read off its letterhead, on blocks: title, report type, year and
tertial, organ and unit, dnr and dates. Each letterhead is laid out as the seed reports and their
variants print it; the expected fields are read off it by hand.
"""
from __future__ import annotations

import datetime as dt

import pytest

from blocks_builder import para, paras, recognise_blocks, table


def test_metadata_of_a_unit_verksamhetsberattelse():
    found = recognise_blocks(
        *paras("Handläggare:", "Sergio Leiva", "Telefon: 076-12 10 329", "Till", "Östermalms stadsdelsnämnd,",
               "Sammanträde 2014-02-06", "Försörjningsstödsenheten", "Verksamhetsberättelse VB 2013",
               "Försörjningsstödsenheten", "Box 24156", "104 51 Stockholm", "Innehållsförteckning"),
        table(["Sammanfattande analys", "3"]))
    doc = found.metadata
    assert doc.title == "Verksamhetsberättelse VB 2013"
    assert (doc.report_type, doc.year, doc.tertial) == ("verksamhetsberättelse", 2013, None)
    assert (doc.organ, doc.unit) == ("Östermalms stadsdelsnämnd", "Försörjningsstödsenheten")
    assert (doc.meeting_date, doc.document_date, doc.dnr) == (dt.date(2014, 2, 6), None, None)


def test_metadata_of_a_verksamhetsplan_with_till_glued_to_the_phone_number():
    found = recognise_blocks(*paras("Handläggare: Alexander Saednia", "Telefon: 508 10 000Till",
                                    "Östermalms stadsdelsnämnd", "sammanträde 2009 12 17",
                                    "Verksamhetsplan Försörjningsstödsenheten", "Inledning", "KF:s INRIKTNINGSMÅL 1:"),
                             para("1. Stockholm ska vara en attraktiv stad", bold=True))
    doc = found.metadata
    assert (doc.title, doc.report_type) == ("Verksamhetsplan Försörjningsstödsenheten", "verksamhetsplan")
    assert doc.organ == "Östermalms stadsdelsnämnd"
    assert doc.unit == "Försörjningsstödsenheten"
    assert doc.meeting_date == dt.date(2009, 12, 17)
    # A plan adopted in December is the plan for the year after.
    assert doc.year == 2010
    assert found.goals[0].year == 2010


def test_metadata_of_a_tertialrapport():
    found = recognise_blocks(*paras("Handläggare", "Lena Murray", "Ingela KristianssonTill", "Socialnämnden",
                                    "Tertialrapport Tertial 2 2018 för Socialnämnden", "Förslag till beslut",
                                    "1. Socialnämnden godkänner tertialrapport 2 per den 31 augusti 2018."))
    doc = found.metadata
    assert doc.title == "Tertialrapport Tertial 2 2018 för Socialnämnden"
    assert (doc.report_type, doc.year, doc.tertial) == ("tertialrapport", 2018, 2)
    assert (doc.organ, doc.unit) == ("Socialnämnden", None)
    assert (doc.meeting_date, doc.document_date, doc.dnr) == (None, None, None)
    assert found.goals == []


@pytest.mark.parametrize("lines", [
    ["Till Socialnämnden"],
    ["Till", "Socialnämnden,"],
    ["Till: Socialnämnden"],
])
def test_metadata_organ_after_till(lines):
    doc = recognise_blocks(*paras(*lines, "Verksamhetsberättelse 2013", "Sammanfattning")).metadata
    assert doc.organ == "Socialnämnden"


def test_metadata_organ_from_the_title_when_no_till_line():
    doc = recognise_blocks(*paras("Tertialrapport T1 2019 för Arbetsmarknadsnämnden", "Sammanfattning")).metadata
    assert (doc.organ, doc.report_type, doc.year, doc.tertial) == ("Arbetsmarknadsnämnden", "tertialrapport", 2019, 1)


def test_metadata_dnr_document_date_and_meeting_date_after_the_organ():
    doc = recognise_blocks(*paras("Socialförvaltningen", "Avdelningen för stöd och utveckling", "Dnr: 2023/623",
                                  "2023-05-02", "Till", "Socialnämnden", "2023-05-23", "Verksamhetsberättelse 2022",
                                  "Sammanfattning")).metadata
    assert doc.dnr == "2023/623"
    assert (doc.document_date, doc.meeting_date) == (dt.date(2023, 5, 2), dt.date(2023, 5, 23))
    assert (doc.title, doc.year, doc.organ) == ("Verksamhetsberättelse 2022", 2022, "Socialnämnden")


@pytest.mark.parametrize("line, dnr", [
    ("Dnr: 2023/623", "2023/623"),
    ("Dnr 3.1-123/2018", "3.1-123/2018"),
    ("Diarienummer: SN 2014/42", "SN 2014/42"),
])
def test_metadata_dnr_spellings(line, dnr):
    doc = recognise_blocks(*paras("Socialförvaltningen", line, "Till", "Socialnämnden", "Verksamhetsberättelse 2013",
                                  "Sammanfattning")).metadata
    assert doc.dnr == dnr


@pytest.mark.parametrize("line", ["2018-09-05", "Datum: 2018-09-05", "Datum 2018-09-05"])
def test_metadata_document_date(line):
    doc = recognise_blocks(*paras("Socialförvaltningen", "Tjänsteutlåtande", "Dnr 3.1-123/2018", line, "Till",
                                  "Socialnämnden", "Sammanträde 2018-09-18", "Tertialrapport 2 2018",
                                  "Förslag till beslut")).metadata
    assert (doc.document_date, doc.meeting_date) == (dt.date(2018, 9, 5), dt.date(2018, 9, 18))
    assert (doc.report_type, doc.year, doc.tertial) == ("tertialrapport", 2018, 2)


def test_metadata_meeting_date_on_the_line_after_sammantrade():
    doc = recognise_blocks(*paras("Till", "Socialnämnden", "Sammanträde", "17 december 2009", "Verksamhetsplan 2010",
                                  "Inledning")).metadata
    assert (doc.meeting_date, doc.year, doc.report_type) == (dt.date(2009, 12, 17), 2010, "verksamhetsplan")


def test_metadata_year_of_a_report_from_its_meeting_date():
    doc = recognise_blocks(*paras("Till", "Socialnämnden", "Sammanträde 2014-02-06", "Verksamhetsberättelse",
                                  "Sammanfattning")).metadata
    # A verksamhetsberättelse met on early in the year reports on the year before.
    assert (doc.report_type, doc.year) == ("verksamhetsberättelse", 2013)


def test_metadata_from_a_letterhead_laid_out_as_a_table():
    found = recognise_blocks(
        table(["Socialförvaltningen", "Tjänsteutlåtande"], [["Dnr 3.1-123/2015", "2015-05-04"],
                                                           ["Handläggare\nAnna Andersson", "Till\nSocialnämnden"]]),
        para("Tertialrapport 1 2015", heading=1),
        para("Sammanfattning", heading=1))
    doc = found.metadata
    assert (doc.title, doc.report_type, doc.year, doc.tertial, doc.organ, doc.dnr, str(doc.document_date)) == \
        ("Tertialrapport 1 2015", "tertialrapport", 2015, 1, "Socialnämnden", "3.1-123/2015", "2015-05-04")
    assert found.goals == [] and found.indicators == []


@pytest.mark.parametrize("title, organ", [
    ("Socialnämndens verksamhetsberättelse 2014", "Socialnämnden"),
    ("Östermalms stadsdelsnämnds verksamhetsplan 2016", "Östermalms stadsdelsnämnd"),
])
def test_metadata_title_after_the_boards_name(title, organ):
    doc = recognise_blocks(*paras(title, "Sammanfattning")).metadata
    assert (doc.title, doc.organ, doc.year) == (title, organ, int(title[-4:]))
