#pragma once

#include "gui/GuiForward.h"

#include <QWidget>

class QIcon;

namespace trunkline::gui {

// Stands in for a page whose feature has not landed yet: an icon, a title and one honest sentence
// about what will appear there. It has no controls, so nothing pretends to work.
class PlaceholderPage : public QWidget {
    Q_OBJECT

public:
    explicit PlaceholderPage(QWidget* parent = nullptr);

    // Shown greyed out (QIcon::Disabled) above the title.
    void setIcon(const QIcon& icon);
    void setTexts(const QString& title, const QString& explanation);
    QString title() const;
    QString explanation() const;

private:
    QLabel* m_iconLabel;
    QLabel* m_titleLabel;
    QLabel* m_explanationLabel;
};

} // namespace trunkline::gui
