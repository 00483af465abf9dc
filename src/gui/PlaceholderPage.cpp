#include "gui/PlaceholderPage.h"

#include "gui/TextStyle.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

PlaceholderPage::PlaceholderPage(QWidget* parent)
    : QWidget(parent)
    , m_iconLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_explanationLabel(new QLabel(this)) {
    m_iconLabel->setObjectName(u"placeholderIcon"_s);
    m_titleLabel->setObjectName(u"placeholderTitle"_s);
    m_explanationLabel->setObjectName(u"placeholderExplanation"_s);

    m_iconLabel->setAlignment(Qt::AlignCenter);

    text::makeHeading(m_titleLabel, 1.5, QFont::DemiBold);
    m_titleLabel->setAlignment(Qt::AlignCenter);

    m_explanationLabel->setAlignment(Qt::AlignCenter);
    m_explanationLabel->setWordWrap(true);
    m_explanationLabel->setForegroundRole(QPalette::PlaceholderText);

    // The page sits on the base colour, a step apart from the sidebar's window colour.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    // A centred column of limited width. The labels are added without alignment flags: only then
    // does the layout give a word-wrapped label the height its width needs.
    auto* column = new QWidget(this);
    column->setMaximumWidth(560);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(m_iconLabel);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(m_titleLabel);
    columnLayout->addWidget(m_explanationLabel);

    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 48, 48, 48);
    layout->addStretch(3);
    layout->addLayout(row);
    layout->addStretch(4);
}

void PlaceholderPage::setIcon(const QIcon& icon) {
    // Drawn as a disabled icon so it reads as "nothing here yet" in light and dark palettes.
    m_iconLabel->setPixmap(icon.pixmap(QSize(72, 72), devicePixelRatioF(), QIcon::Disabled));
}

void PlaceholderPage::setTexts(const QString& title, const QString& explanation) {
    m_titleLabel->setText(title);
    m_explanationLabel->setText(explanation);
}

QString PlaceholderPage::title() const {
    return m_titleLabel->text();
}

QString PlaceholderPage::explanation() const {
    return m_explanationLabel->text();
}

} // namespace trunkline::gui
