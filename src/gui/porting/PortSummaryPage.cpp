#include "gui/porting/PortSummaryPage.h"

#include "core/PortingRules.h"
#include "gui/extensions/FormMessages.h"
#include "gui/porting/ExtensionsStep.h"
#include "gui/porting/OrderDetailsPage.h"
#include "gui/porting/RouteNumberPage.h"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

QString rangeText(const core::NumberRange& range) {
    return u"%1–%2"_s.arg(range.startAt).arg(range.endAt);
}

} // namespace

PortSummaryPage::PortSummaryPage(const RouteNumberPage& route, const OrderDetailsPage& details,
                                 const ExtensionsStep& extensions, QWidget* parent)
    : QWizardPage(parent)
    , m_route(route)
    , m_details(details)
    , m_extensions(extensions) {
    setObjectName(u"portSummaryPage"_s);
    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(u"summaryText"_s);
    m_summary->setReadOnly(true);
    m_status = new QLabel(this);
    m_status->setObjectName(u"summaryStatus"_s);
    m_status->setWordWrap(true);
    m_note = new QLabel(this);
    m_note->setObjectName(u"summaryNote"_s);
    m_note->setWordWrap(true);
    m_note->setMargin(6);
    form::makeBanner(m_note, form::Banner::Info);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_note);
    retranslate();
}

void PortSummaryPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        initializePage();
    }
    QWizardPage::changeEvent(event);
}

void PortSummaryPage::retranslate() {
    setTitle(tr("Summary"));
    setSubTitle(tr("Everything the port order will carry. Go back to change anything."));
    m_note->setText(
        tr("Sending the order to Telnyx from this wizard is not available yet. “Keep as draft” keeps it "
           "on this computer, to be continued later from the Port orders page."));
}

QString PortSummaryPage::summaryText() const {
    const OrderDetails details = m_details.details();
    const core::NumberRange block = m_extensions.block();
    QStringList active;
    int activeCount = 0;
    for (const core::NumberRange& range : m_extensions.ranges()) {
        active << rangeText(range);
        activeCount += range.size();
    }
    const QStringList numbers = core::expandExtensionRange(m_route.routeE164(), block);
    const QStringList lines = {
        tr("Route number: %1 (the order is created with this number only)").arg(m_route.routeE164()),
        tr("End user: %1").arg(details.entityName),
        tr("Authorised person: %1").arg(details.authPersonName),
        tr("Service address: %1, %2 %3, Germany")
            .arg(details.streetAddress, details.postalCode, details.locality),
        tr("Requested porting date: %1").arg(QLocale().toString(details.requestedDate, QLocale::LongFormat)),
        tr("Your reference: %1")
            .arg(details.customerReference.isEmpty() ? tr("none") : details.customerReference),
        QString(),
        tr("Extension range: %1 (%2 to %3)")
            .arg(rangeText(block), numbers.value(0), numbers.value(numbers.size() - 1)),
        tr("Activation ranges: %1").arg(active.join(u", "_s)),
        tr("%1 numbers port with the route number: %2 active, %3 inactive.")
            .arg(block.size())
            .arg(activeCount)
            .arg(block.size() - activeCount)};
    return lines.join(u'\n');
}

void PortSummaryPage::initializePage() {
    m_summary->setPlainText(summaryText());
    QStringList problems;
    for (const core::RuleViolation& violation : m_extensions.problems() + m_details.problems())
        problems << violation.message;
    if (m_route.routeE164().isEmpty())
        problems.prepend(tr("The route number is missing or not a German number."));
    m_status->setText(problems.isEmpty() ? tr("Every porting rule is met.") : problems.join(u'\n'));
    emit completeChanged();
}

bool PortSummaryPage::isComplete() const {
    return !m_route.routeE164().isEmpty() && m_details.isComplete() && m_extensions.isComplete();
}

} // namespace trunkline::gui
