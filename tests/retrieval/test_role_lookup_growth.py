"""Work, not time: naming someone by a role looks through the holders of the role's rarest word, and no
further than it takes to tell one holder from several, however many people the article has. (Timing
goals stay in ``bench/bench_attribution_scale.py``.)"""
from __future__ import annotations

from retrieval.attribution import find_person
from retrieval.attribution.registry import role_key
from retrieval.names import match_person
from retrieval.speakers import Cast, Person


class _Counted(dict):
    """``Cast.roles`` that counts whose roles were read, and the scans of everyone's."""

    reads = 0
    scans = 0

    def __getitem__(self, name):
        type(self).reads += 1
        return super().__getitem__(name)

    def items(self):
        type(self).scans += 1
        return super().items()


def _cast(masters: int) -> Cast:
    people = [Person(f"Ana Master{n}", "person", (), "harbour master") for n in range(masters)]
    people.append(Person("Omar Lindqvist", "person", (), "finance minister"))
    roles = _Counted({p.name: (role_key(p.role),) for p in people})
    cast = Cast(tuple(people), roles=roles)
    match_person(cast, "the harbour masterr")  # the indexes built once per cast (a typo reads them all)
    _Counted.reads = _Counted.scans = 0
    return cast


def test_a_role_one_person_holds_reads_only_its_holders():
    for masters in (10, 1_000):
        cast = _cast(masters)
        assert find_person(cast, "the finance minister").name == "Omar Lindqvist"
        assert match_person(cast, "the finance minister").person.name == "Omar Lindqvist"
        assert _Counted.reads <= 2 and _Counted.scans == 0


def test_a_role_many_hold_stops_at_the_second_holder():
    small, large = [], []
    for masters, reads in ((10, small), (1_000, large)):
        cast = _cast(masters)
        assert find_person(cast, "the harbour master") is None  # several hold it: nobody in particular
        match = match_person(cast, "the harbour master")
        assert match.person is None
        reads.append(_Counted.reads)
        assert _Counted.scans == 0
    assert large == small  # a hundred times the holders, the same work
