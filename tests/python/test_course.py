"""The course planner through the generated bindings: a request form in, a
localized timeline out; errors arrive as the exception a UI acts on."""
import machi_ffi
import pytest

from conftest import config


def request(hours=4.0, mode=machi_ffi.CourseMode.WALK, must=(), interests=("nature", "history"), **access):
    """The form a tourist fills in: from Takahagi station on Sunday 2026-11-22, 10:00
    (`access`: max_walk_minutes, taxi_budget_yen, bicycle)."""
    return machi_ffi.CourseRequest(
        date="2026-11-22",
        start_time="10:00",
        hours=hours,
        end_time=None,
        start=machi_ffi.CoursePlace.SPOT(id="takahagi-station"),
        end=None,
        mode=mode,
        interests=list(interests),
        pace=machi_ffi.CoursePace.NORMAL,
        must_visit=list(must),
        exclude=[],
        days=1,
        **access,
    )


def stop_ids(plan):
    return [s.spot_id for d in plan.days for s in d.stops]


def test_four_hour_walk_fits_its_budget(machi):
    view = machi.suggest_course(request())
    plan = view.main
    assert plan.stop_count >= 1 and len(stop_ids(plan)) == plan.stop_count
    assert plan.total_minutes <= 4 * 60
    day = plan.days[0]
    assert day.date == "2026-11-22" and day.depart == "10:00"
    assert day.arrive <= "14:00"
    assert len(day.legs) == len(day.stops) + 1
    assert day.start_name == machi.spot("takahagi-station").name.text
    # Stops are in time order, each visit inside the day.
    times = [(s.arrival, s.leave) for s in day.stops]
    assert all(a <= b for a, b in times)
    assert [t[0] for t in times] == sorted(t[0] for t in times)


def test_names_in_traditional_chinese(tmp_path):
    zh = machi_ffi.Machi.open(str(tmp_path), config(["zh-TW", "en-US"]))
    view = zh.suggest_course(request(hours=6.0, mode=machi_ffi.CourseMode.CAR, must=["hananuki-gorge"]))
    gorge = [s for d in view.main.days for s in d.stops if s.spot_id == "hananuki-gorge"]
    assert gorge and gorge[0].name == "花貫溪谷"
    assert view.main.days[0].start_name == "高萩站"


def test_car_to_hananuki_gorge_reports_the_congestion(machi):
    view = machi.suggest_course(request(hours=6.0, mode=machi_ffi.CourseMode.CAR, must=["hananuki-gorge"]))
    assert "hananuki-gorge" in stop_ids(view.main)
    assert view.congestion, "the autumn-leaves congestion rule should be reported"
    assert all(c.name and c.note for c in view.congestion)
    ids = {c.id for c in view.congestion}
    assert ids & set(view.main.congestion_rules + [r for a in view.alternatives for r in a.congestion_rules])
    legs = [l for d in view.main.days for l in d.legs]
    assert all(l.mode == machi_ffi.CourseMode.CAR for l in legs)


def test_infeasible_request_raises_with_a_localized_reason(machi):
    with pytest.raises(machi_ffi.MachiError.Infeasible) as e:
        machi.suggest_course(request(hours=0.5, must=["hananuki-gorge"]))
    # The reader's language (English here), from Fluent: not an internal code.
    assert "not enough time" in e.value.reason


def test_unknown_spot_is_not_found_and_bad_time_is_invalid(machi):
    with pytest.raises(machi_ffi.MachiError.NotFound):
        machi.suggest_course(request(must=["no-such-spot"]))
    bad = request()
    bad.start_time = "10 o'clock"
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.suggest_course(bad)


def test_replan_after_removing_the_first_stop_drops_it(machi):
    first = stop_ids(machi.suggest_course(request()).main)[0]
    again = machi.replan_course(request(), machi_ffi.CourseEdits(remove=[first], lock=[]))
    assert first not in stop_ids(again.main)
    assert again.main.stop_count >= 1


def test_transit_course_rides_the_gorge_line_with_fares(machi):
    """Bus and train by the timetable with a taxi budget: the autumn gorge is
    reached by a ride with its line, departure and fare, never a long walk."""
    view = machi.suggest_course(
        request(
            mode=machi_ffi.CourseMode.TRANSIT,
            interests=("nature", "autumn-leaves"),
            taxi_budget_yen=5000,
        )
    )
    plan = view.main
    assert {"hananuki-gorge", "shiomi-falls-bridge"} & set(stop_ids(plan)), stop_ids(plan)
    legs = [l for d in plan.days for l in d.legs]
    rides = [r for l in legs for r in l.rides]
    assert rides, [l.description for l in legs]
    assert all(l.mode == machi_ffi.CourseMode.TRANSIT for l in legs if l.rides)
    priced = [r for r in rides if r.line and r.depart_label and r.fare_yen]
    assert priced, rides
    ride = priced[0]
    assert ride.from_stop and ride.to_stop and ride.depart <= ride.arrive
    assert len(ride.depart) == 5 and ride.depart >= "10:00"
    # The leg's own fare covers its rides and its description names the line.
    leg = next(l for l in legs if ride in l.rides)
    assert leg.fare_yen >= ride.fare_yen and ride.line in leg.description
    assert plan.transit_yen >= sum(r.fare_yen or 0 for r in rides) > 0
    assert plan.longest_walk_minutes <= 20
    assert all(l.walk_minutes <= 20 for l in legs)
    assert plan.taxi_yen <= 5000
