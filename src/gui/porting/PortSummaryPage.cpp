#include "gui/porting/PortSummaryPage.h"

#include "core/PortingRules.h"
#include "gui/extensions/FormMessages.h"
#include "gui/porting/ExtensionsStep.h"
#include "gui/porting/OrderDetailsPage.h"
#include "gui/porting/PortOrderSession.h"
#include "gui/porting/RouteNumberPage.h"
#include "net/ApiError.h"
#include "providers/ProviderCapabilities.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

QString rangeText(const core::NumberRange& range) {
    return u"%1–%2"_s.arg(range.startAt).arg(range.endAt);
}

} // namespace

PortSummaryPage::PortSummaryPage(PortOrderSession& session, const RouteNumberPage& route,
                                 const OrderDetailsPage& details, const ExtensionsStep& extensions,
                                 QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
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
    m_note = form::newBanner(this, u"summaryNote"_s, form::Banner::Info);
    m_submit = new QPushButton(this);
    m_submit->setObjectName(u"submitOrderButton"_s);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"submitProgress"_s);
    m_progress->setRange(0, 0); // the steps are few but of unknown length: a busy indicator
    m_progress->setTextVisible(false);
    m_result = new QLabel(this);
    m_result->setObjectName(u"orderResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* buttons = new QHBoxLayout;
    m_submit->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    buttons->addWidget(m_submit);
    buttons->addWidget(m_progress, 1); // while sending; else the stretch keeps the button at its size
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Submit the port order"), question) == QMessageBox::Yes;
    };
    connect(m_submit, &QPushButton::clicked, this, &PortSummaryPage::submitOrder);
    connect(&m_session, &PortOrderSession::changed, this, &PortSummaryPage::update);
    retranslate();
}

PortSummaryPage::~PortSummaryPage() = default;

void PortSummaryPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        initializePage();
    }
    QWizardPage::changeEvent(event);
}

void PortSummaryPage::retranslate() {
    setTitle(tr("Review and submit"));
    setSubTitle(tr("Exactly what the port order will carry. Go back to change anything."));
    m_submit->setText(tr("S&ubmit order…"));
    update();
}

void PortSummaryPage::update() {
    const bool connected = m_session.connected();
    const bool sending = m_session.busyWith(PortOrderSession::Step::Submission);
    m_note->setText(
        connected
            ? tr("“Submit order” uploads the LOA and the invoice, adds these details to draft order %1 "
                 "at %2, attaches the extensions to the route number and submits the order. “Keep as "
                 "draft” sends nothing more; the order can be continued later from the Port orders page.")
                  .arg(m_session.orderId(), m_session.profileName())
            : tr("There is no connection to a provider here, so the order is only checked. "
                 "“Keep as draft” keeps it on this computer, to be continued later from the Port "
                 "orders page."));
    m_submit->setVisible(connected);
    m_submit->setEnabled(connected && !m_session.busy() && !m_session.submitted() && isComplete());
    m_progress->setVisible(sending);
    QString result = m_localProblem;
    if (sending)
        result = tr("Uploading the documents, adding the details and the extensions, then submitting…");
    else if (m_session.submitted())
        result = tr("Order %1 submitted; its status is now %2.")
                     .arg(m_session.orderId(), core::displayName(m_session.orderStatus()));
    else if (const auto error = m_session.errorOf(PortOrderSession::Step::Submission))
        result = tr("Order %1 was not submitted; it stays a draft.").arg(m_session.orderId()) + u'\n' +
                 PortOrderSession::errorText(*error);
    m_result->setText(result);
}

std::optional<providers::PortOrderRequest> PortSummaryPage::request(QString* error) const {
    return providers::PortOrderRequest::of(m_route.routeE164(), m_details.details(), m_extensions.block(),
                                           m_extensions.ranges(), error);
}

void PortSummaryPage::submitOrder() {
    if (!m_session.connected() || !isComplete() || m_session.busy() || m_session.submitted())
        return;
    const core::NumberRange block = m_extensions.block();
    if (!m_confirm(tr("Submit port order %1 for %2 with %3 numbers (extensions %4)? Once submitted, the "
                      "order goes to the current carrier and can only be cancelled, not edited.")
                       .arg(m_session.orderId(), m_route.routeE164())
                       .arg(block.size())
                       .arg(rangeText(block))))
        return;
    // Read now: a document moved or changed since it was chosen stops here, before anything is sent.
    m_localProblem.clear();
    const std::optional<providers::PortOrderRequest> wanted = request(&m_localProblem);
    if (!wanted) {
        m_localProblem = tr("The order was not submitted.") + u'\n' + m_localProblem;
        update();
        return;
    }
    m_session.submit(*wanted);
}

QString PortSummaryPage::summaryText() const {
    const core::OrderDetails details = m_details.details();
    const core::NumberRange block = m_extensions.block();
    QStringList active;
    int activeCount = 0;
    for (const core::NumberRange& range : m_extensions.ranges()) {
        active << rangeText(range);
        activeCount += range.size();
    }
    const QStringList numbers = core::expandExtensionRange(m_route.routeE164(), block);
    const QStringList lines = {
        tr("Route number: %1 (the order holds this number only)").arg(m_route.routeE164()),
        tr("End user: %1").arg(details.entityName),
        tr("Authorised person: %1").arg(details.authPersonName),
        tr("Service address: %1, %2 %3, Germany")
            .arg(details.streetAddress, details.postalCode, details.locality),
        tr("Requested porting date: %1").arg(QLocale().toString(details.requestedDate, QLocale::LongFormat)),
        tr("Your reference: %1")
            .arg(details.customerReference.isEmpty() ? tr("none") : details.customerReference),
        tr("Documents sent with the order: %1 (LOA), %2 (invoice)")
            .arg(QFileInfo(details.loaPath).fileName(), QFileInfo(details.invoicePath).fileName()),
        QString(),
        tr("Draft order: %1")
            .arg(m_session.orderId().isEmpty() ? tr("not at a provider") : m_session.orderId()),
        tr("Porting phone number of the route number: %1")
            .arg(m_session.portingPhoneNumberId().isEmpty() ? tr("not looked up")
                                                            : m_session.portingPhoneNumberId()),
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
    update();
    emit completeChanged();
}

bool PortSummaryPage::isComplete() const {
    return !m_route.routeE164().isEmpty() && m_details.isComplete() && m_extensions.isComplete() &&
           (!m_session.connected() || !m_session.portingPhoneNumberId().isEmpty());
}

} // namespace trunkline::gui
