import MachiKit
import SwiftUI

/// Text with furigana above kanji that carry a reading (easy Japanese). Scales
/// with Dynamic Type; VoiceOver reads the plain form once.
struct RubyText: View {
    let text: UiText
    var font: Font = .body

    var body: some View {
        if text.hasRuby {
            HStack(alignment: .bottom, spacing: 0) {
                ForEach(Array(text.segments.enumerated()), id: \.offset) { _, seg in
                    VStack(spacing: 0) {
                        if let ruby = seg.ruby {
                            Text(ruby).font(.caption2)
                        }
                        Text(seg.base).font(font)
                    }
                }
            }
            .accessibilityElement(children: .ignore)
            .accessibilityLabel(text.plain)
        } else {
            Text(text.display).font(font)
        }
    }
}
