"""Public transport through the generated Python bindings, on the sample
town's SAMPLE timetable: a bus to Hananuki Gorge, a walk on to Shiomi Falls
bridge, the station's departure board, typed errors."""
import pytest

import machi_ffi


def test_a_bus_to_hananuki_gorge_then_a_walk(machi):
    j = machi.transit_route("高萩駅", "花貫渓谷", "2026-11-22", "09:00", False)
    assert (j.depart_hhmm, j.arrive_hhmm, j.fare_yen, j.transfers) == ("9:15", "9:43", 300, 0)
    ride = j.legs[0]
    assert ride.kind == "ride" and ride.line_name == "Hananuki Gorge Line"
    assert ride.from_name == "Takahagi Station" and ride.platform == "B1"
    j = machi.transit_route("Takahagi Station", "36.7405,140.6245", "2026-11-22", "09:00", False)
    assert [l.kind for l in j.legs] == ["ride", "walk"]
    assert 0 < j.walk_minutes <= 20 and j.legs[1].to_name is None
    late = machi.transit_route("花貫渓谷", "十王駅", "2026-11-23", "15:00", True)
    assert late.arrive <= 15 * 3600 and late.transfers == 1


def test_the_station_board_and_errors(machi):
    board = machi.transit_departures("高萩駅", "2026-11-22", "09:00", 3)
    assert [(d.time, d.platform) for d in board] == [("9:08", "1"), ("9:15", "B1"), ("9:30", "B2")]
    assert board[0].line_name == "Joban Line" and board[0].headsign == "Iwaki"
    assert machi.transit_departures("hananuki_gorge", "2026-11-24", "21:00", 5) == []
    with pytest.raises(machi_ffi.MachiError.NotFound):
        machi.transit_departures("Nowhere", "2026-11-22", "09:00", 5)
    with pytest.raises(machi_ffi.MachiError.InvalidInput):
        machi.transit_route("91,200", "高萩駅", "2026-11-22", "09:00", False)
