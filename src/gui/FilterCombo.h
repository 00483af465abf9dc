#pragma once

#include <QComboBox>
#include <QList>
#include <QSignalBlocker>
#include <QString>
#include <QVariant>

namespace trunkline::gui {

// One choice of a filter bar's combo: what it shows and the wire value it filters by.
struct FilterChoice {
    QString text;
    QString value;
};

// The choices of an enumeration: its display names and wire values (core's displayName() and toWire()).
template <typename Values>
QList<FilterChoice> enumChoices(const Values& values) {
    QList<FilterChoice> choices;
    for (const auto value : values)
        choices.append({displayName(value), toWire(value)});
    return choices;
}

// (Re)fills a filter combo: "all" first (no data, no filter), then the choices. Refilled on a language
// change, so the choice made before stays chosen and the refill itself emits no change.
inline void fillFilterCombo(QComboBox* combo, const QString& allText, const QList<FilterChoice>& choices) {
    const QVariant chosen = combo->currentData();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(allText);
    for (const FilterChoice& choice : choices)
        combo->addItem(choice.text, choice.value);
    combo->setCurrentIndex(qMax(0, combo->findData(chosen)));
}

} // namespace trunkline::gui
