#include "gui/porting/RouteNumberPage.h"

#include "core/PortingOrder.h"
#include "core/PortingRules.h"
#include "core/WantedNumbers.h"
#include "gui/extensions/FormMessages.h"
#include "store/NumberSightings.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

RouteNumberPage::RouteNumberPage(store::Database& database, qint64 profileId, QWidget* parent)
    : Retranslating(parent)
    , m_database(database)
    , m_profileId(profileId) {
    setObjectName(u"routeNumberPage"_s);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_routeLabel = new QLabel(this);
    m_route = new QLineEdit(this);
    m_route->setObjectName(u"routeEdit"_s);
    m_routeLabel->setBuddy(m_route);
    m_parsed = new QLabel(this);
    m_parsed->setObjectName(u"routeParsed"_s);
    m_error = form::newErrorLabel(this, u"routeError"_s);
    m_warning = form::newBanner(this, u"routeWarning"_s, form::Banner::Warning);
    m_warning->hide();
    m_lock = form::newBanner(this, u"routeLocked"_s, form::Banner::Info);
    m_lock->hide();

    auto* fields = new QFormLayout;
    fields->addRow(m_routeLabel, m_route);
    fields->addRow(QString(), m_parsed);
    fields->addRow(QString(), m_error);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(fields);
    layout->addWidget(m_warning);
    layout->addWidget(m_lock);
    layout->addStretch();

    connect(m_route, &QLineEdit::textChanged, this, &RouteNumberPage::check);
    // The extensions step reads the checked number through this field when it is shown.
    registerField(u"routeE164"_s, this, "routeE164", SIGNAL(routeChanged()));
    retranslate();
}

QString RouteNumberPage::routeText() const {
    return m_route->text();
}

void RouteNumberPage::setRouteText(const QString& text) {
    m_route->setText(text);
}

void RouteNumberPage::retranslate() {
    setTitle(tr("Route number"));
    setSubTitle(tr("The main number of the line whose extensions are ported. Only German numbers have "
                   "extended numbers."));
    m_intro->setText(tr("Type it as you know it: +49 201 2345678, 0049 201 2345678 or 0201 2345678. The "
                        "order is created with this number only; the extensions are attached to it later."));
    m_routeLabel->setText(tr("&Route number:"));
    form::showBanner(m_lock,
                     m_lockedBy.isEmpty()
                         ? QString()
                         : tr("Draft order %1 was created with this route number, so it cannot change "
                              "here. To port another number, start a new order; the draft can be "
                              "deleted on the Port orders page.")
                               .arg(m_lockedBy));
    m_route->setPlaceholderText(tr("e.g. 0201 2345678"));
    check(); // the messages are translated when they are made
}

void RouteNumberPage::check() {
    const QString text = m_route->text().trimmed();
    QString e164;
    QStringList problems;
    if (!text.isEmpty()) {
        QString error;
        if (const std::optional<QString> parsed = core::WantedNumbers::toE164(text, &error)) {
            for (const core::RuleViolation& violation : core::validateRouteNumber(*parsed))
                problems << violation.message;
            if (problems.isEmpty())
                e164 = *parsed;
        } else {
            problems << error;
        }
    }
    m_parsed->setText(e164.isEmpty() ? QString() : tr("Will be ported as %1.").arg(e164));
    form::showMessages(m_error, problems);
    const QStringList known = e164.isEmpty() ? QStringList() : whereKnown(e164);
    form::showBanner(m_warning, known.join(u'\n'));
    if (e164 != m_e164) {
        m_e164 = e164;
        emit routeChanged();
        emit completeChanged();
    }
}

QStringList RouteNumberPage::whereKnown(const QString& e164) const {
    QStringList places;
    for (const store::NumberSighting& sighting :
         store::numberSightings(m_database, m_profileId, e164, m_lockedBy)) {
        if (sighting.order)
            places << tr("%1 is already on port order %2 (%3).")
                          .arg(e164, sighting.order->id, core::displayName(sighting.order->status));
        else
            places
                << tr("%1 is already in the inventory of profile “%2”.").arg(e164, sighting.inventoryProfile);
    }
    return places;
}

void RouteNumberPage::setLockedBy(const QString& orderId) {
    m_lockedBy = orderId;
    m_route->setReadOnly(!m_lockedBy.isEmpty() || m_creatingDraft);
    retranslate();
}

void RouteNumberPage::setCreatingDraft(bool creating) {
    m_creatingDraft = creating;
    m_route->setReadOnly(!m_lockedBy.isEmpty() || m_creatingDraft);
}

} // namespace trunkline::gui
