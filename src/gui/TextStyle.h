#pragma once

#include <QFont>
#include <QLabel>
#include <QPalette>
#include <initializer_list>

namespace trunkline::gui::text {

// How pages and dialogs set their headings and secondary text apart. A heading is the label's own font
// scaled, so it follows the platform's (and the user's) font choice.
inline constexpr qreal kPageTitleScale = 1.4;
inline constexpr qreal kFormTitleScale = 1.25; // a dialog's or an editor's

inline void makeHeading(QLabel* label, qreal scale, QFont::Weight weight = QFont::Bold) {
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setWeight(weight);
    label->setFont(font);
}

// Counts, hints and notes: readable, but quieter than the content.
inline void makeSecondary(std::initializer_list<QLabel*> labels) {
    for (QLabel* label : labels)
        label->setForegroundRole(QPalette::PlaceholderText);
}

} // namespace trunkline::gui::text
