import MachiKit
import SwiftUI

/// Course tab: request form, then the timeline. Layout only.
struct CourseScreen: View {
    @ObservedObject var model: CourseModel
    let repo: MachiRepository

    var body: some View {
        NavigationStack {
            Form {
                Section {
                    TextField(repo.text("ui-course-date").plain, text: $model.date)
                    TextField(repo.text("ui-course-start-time").plain, text: $model.startTime)
                    Stepper(value: $model.hours, in: 1...10, step: 0.5) {
                        Text("\(repo.text("ui-course-hours").plain): \(repo.machi.formatDuration(minutes: UInt32(model.hours * 60)))")
                    }
                    Picker(repo.text("ui-course-mode").plain, selection: $model.mode) {
                        Text(repo.text("course-mode-walk").plain).tag(CourseMode.walk)
                        Text(repo.text("course-mode-bicycle").plain).tag(CourseMode.bicycle)
                        Text(repo.text("course-mode-car").plain).tag(CourseMode.car)
                        Text(repo.text("course-mode-bus").plain).tag(CourseMode.bus)
                        Text(repo.text("course-mode-transit").plain).tag(CourseMode.transit)
                    }
                    if model.offersAccess {
                        Picker(repo.text("ui-course-taxi-budget").plain, selection: $model.taxiBudgetYen) {
                            Text(repo.text("ui-course-taxi-none").plain).tag(UInt32?.none)
                            ForEach(CourseModel.taxiBudgets, id: \.self) { yen in
                                Text(model.yen(yen).plain).tag(UInt32?.some(yen))
                            }
                        }
                        Picker(repo.text("ui-course-max-walk").plain, selection: $model.maxWalkMinutes) {
                            Text(repo.text("ui-course-max-walk-any").plain).tag(UInt32?.none)
                            ForEach(CourseModel.walkLimits, id: \.self) { minutes in
                                Text(repo.machi.formatDuration(minutes: minutes)).tag(UInt32?.some(minutes))
                            }
                        }
                        Toggle(repo.text("ui-course-bicycle-rental").plain, isOn: $model.bicycle)
                    }
                    Picker(repo.text("ui-course-pace").plain, selection: $model.pace) {
                        Text(repo.text("ui-course-pace-relaxed").plain).tag(CoursePace.relaxed)
                        Text(repo.text("ui-course-pace-normal").plain).tag(CoursePace.normal)
                        Text(repo.text("ui-course-pace-packed").plain).tag(CoursePace.packed)
                    }
                }
                Section(header: RubyText(text: repo.text("ui-course-interests"))) {
                    ForEach(model.offeredInterests) { tag in
                        Toggle(tag.label.plain, isOn: Binding(
                            get: { model.interests.contains(tag.id) },
                            set: { _ in model.toggleInterest(tag.id) }
                        ))
                    }
                }
                Button(repo.text("ui-course-plan").plain) { Task { await model.suggest() } }
                    .disabled(model.loading)
                if model.loading { ProgressView() }
                if let error = model.error {
                    Text(error.display).foregroundStyle(.red)
                }
                if let course = model.course {
                    timeline(course)
                }
            }
            .navigationTitle(repo.text("ui-tab-course").plain)
            .settingsToolbar()
        }
    }

    @ViewBuilder
    private func timeline(_ course: CourseView) -> some View {
        ForEach(course.main.days, id: \.date) { day in
            Section(header: Text(day.dateLabel)) {
                Text("\(day.departLabel) \(day.startName)")
                ForEach(Array(day.stops.enumerated()), id: \.element.spotId) { index, stop in
                    legRows(day.legs[index])
                    VStack(alignment: .leading) {
                        RubyText(text: repo.content(stop.name), font: .headline)
                        Text("\(stop.arrivalLabel) – \(stop.leaveLabel)").font(.callout)
                        ForEach(stop.explanations, id: \.self) { Text($0).font(.caption) }
                    }
                    .accessibilityElement(children: .combine)
                    .accessibilityLabel(model.accessibilityLabel(stop))
                    .swipeActions {
                        Button(role: .destructive) { Task { await model.remove(stop.spotId) } } label: {
                            Text(repo.text("ui-course-remove-stop", ["name": stop.name]).plain)
                        }
                        Button { Task { await model.toggleLock(stop.spotId) } } label: {
                            Text(repo.text("ui-course-lock-stop", ["name": stop.name]).plain)
                        }
                    }
                }
                if let last = day.legs.last {
                    legRows(last)
                }
                Text("\(day.arriveLabel) \(day.endName)")
            }
        }
        Section {
            Text(course.main.totalsLabel)
            if let costs = model.costsLabel { RubyText(text: costs) }
        }
        if !course.congestion.isEmpty {
            Section(header: RubyText(text: repo.text("ui-course-congestion"))) {
                ForEach(course.congestion, id: \.id) { c in
                    VStack(alignment: .leading) {
                        Text(c.name).font(.headline)
                        Text(c.note).font(.callout)
                    }
                }
            }
        }
    }

    /// A travel leg: its sentence, then each ride (line, times, stops, fare) and a taxi's fare.
    @ViewBuilder
    private func legRows(_ leg: CourseLegView) -> some View {
        Text(leg.description).font(.caption).foregroundStyle(.secondary)
        ForEach(Array(leg.rides.enumerated()), id: \.offset) { _, ride in
            VStack(alignment: .leading) {
                Text(ride.line).font(.subheadline.bold())
                Text(model.rideLabel(ride).plain).font(.caption)
                if let fare = ride.fareYen {
                    Text(model.yen(fare).plain).font(.caption)
                }
            }
            .accessibilityElement(children: .combine)
            .padding(.leading, 12)
        }
        if leg.mode == .taxi && leg.fareYen > 0 {
            HStack {
                Text(repo.text("course-mode-taxi").plain).font(.subheadline.bold())
                Text(model.yen(leg.fareYen).plain).font(.caption)
            }
            .padding(.leading, 12)
        }
    }
}
