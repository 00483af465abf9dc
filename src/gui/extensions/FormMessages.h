#pragma once

#include <QLabel>
#include <QPalette>
#include <QStringList>

namespace trunkline::gui::form {

// The look of rule messages beside the fields and of the banners above a form, shared by the
// extension editor, the forwarding editor, the create dialog and the forms built in code (the porting
// wizard's pages), which make their labels with newErrorLabel() and newBanner().

inline void makeErrorLabel(QLabel* label) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
    label->setPalette(palette);
    label->setText({});
}

// A word-wrapped rule-message label for a form built in code, empty until there is a message.
inline QLabel* newErrorLabel(QWidget* parent, const QString& objectName) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    makeErrorLabel(label);
    return label;
}

inline void showMessages(QLabel* label, const QStringList& messages) {
    label->setText(messages.join(QLatin1Char('\n')));
    label->setToolTip(label->text());
    // A word-wrapped label in a grid row does not claim the height of its further lines by itself.
    const int width = qMax(label->width(), label->minimumWidth());
    label->setMinimumHeight(label->text().isEmpty() || width <= 0 ? 0 : label->heightForWidth(width));
}

enum class Banner { Info, Warning };

inline void makeBanner(QLabel* label, Banner kind) {
    label->setStyleSheet(kind == Banner::Info
                             ? QStringLiteral("QLabel { background: #e8f1fb; border: 1px solid #b6d0ee; "
                                              "border-radius: 4px; color: #1d3b5e; }")
                             : QStringLiteral("QLabel { background: #fdf3e1; border: 1px solid #ecc98a; "
                                              "border-radius: 4px; color: #5c3d05; }"));
}

// A word-wrapped banner for a form built in code, with room between its text and its border.
inline QLabel* newBanner(QWidget* parent, const QString& objectName, Banner kind) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setMargin(6);
    makeBanner(label, kind);
    return label;
}

inline void showBanner(QLabel* label, const QString& text) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace trunkline::gui::form
