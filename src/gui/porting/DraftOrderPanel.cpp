#include "gui/porting/DraftOrderPanel.h"

#include "gui/porting/RouteNumberPage.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

DraftOrderPanel::DraftOrderPanel(PortOrderSession& session, const RouteNumberPage& route, QWidget* parent)
    : Retranslating(parent)
    , m_session(session)
    , m_route(route)
    , m_status(this, u"draftStatus"_s, u"retryDraftButton"_s) {
    setObjectName(u"draftOrderPanel"_s);
    m_loaTemplate = new QPushButton(this);
    m_loaTemplate->setObjectName(u"loaTemplateButton"_s);
    m_loaResult = new QLabel(this);
    m_loaResult->setObjectName(u"loaTemplateResult"_s);
    m_loaResult->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QHBoxLayout* buttons = m_status.addTo(layout);
    buttons->addWidget(m_loaTemplate);
    buttons->addWidget(m_loaResult, 1);
    m_savePrompt = [this](const QString& suggestedName) {
        return QFileDialog::getSaveFileName(this, tr("Save the LOA template"),
                                            QDir::home().filePath(suggestedName), tr("PDF files (*.pdf)"));
    };
    connect(m_status.retryButton(), &QPushButton::clicked, this,
            [this] { m_session.createDraft(m_route.routeE164()); });
    connect(m_loaTemplate, &QPushButton::clicked, this, &DraftOrderPanel::downloadLoaTemplate);
    connect(&m_session, &PortOrderSession::changed, this, &DraftOrderPanel::update);
    retranslate();
}

bool DraftOrderPanel::ready() const {
    return !m_session.connected() || !m_session.orderId().isEmpty();
}

void DraftOrderPanel::retranslate() {
    m_status.retryButton()->setText(tr("&Try again"));
    m_loaTemplate->setText(tr("Download LOA &template…"));
    update();
}

void DraftOrderPanel::update() {
    const bool connected = m_session.connected();
    const bool created = !m_session.orderId().isEmpty();
    m_status.show(
        m_session, PortOrderSession::Step::Draft, created,
        {tr("There is no connection to a provider here: nothing is sent, the order is only checked "
            "and kept on this computer."),
         tr("Creating the draft order at %1 with the route number %2 only…")
             .arg(m_session.profileName(), m_route.routeE164()),
         tr("Draft order %1 at %2, status %3. It holds the route number only; the details below, "
            "the documents and the extensions are sent when you submit it.")
             .arg(m_session.orderId(), m_session.profileName(), core::displayName(m_session.orderStatus())),
         tr("The draft order was not created.")});
    m_loaTemplate->setVisible(connected);
    m_loaTemplate->setEnabled(created && !m_downloading);
    m_loaTemplate->setToolTip(created ? tr("The letter of authorisation for this order, to be signed by the "
                                           "end user and chosen below as the LOA.")
                                      : tr("There is a template once the draft order exists."));
    if (std::exchange(m_ready, ready()) != m_ready)
        emit readyChanged();
}

void DraftOrderPanel::downloadLoaTemplate() {
    const QString orderId = m_session.orderId();
    const QString path = m_savePrompt(u"LOA-%1.pdf"_s.arg(orderId));
    if (path.isEmpty())
        return;
    m_downloading = true;
    update();
    m_loaResult->setText(tr("Downloading…"));
    m_session.fetchLoaTemplate([this, path](const std::optional<QByteArray>& pdf, const QString& error) {
        m_downloading = false;
        update();
        if (!pdf) {
            m_loaResult->setText(tr("The template was not downloaded: %1").arg(error));
            return;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() || !file.commit()) {
            m_loaResult->setText(
                tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
            return;
        }
        m_loaResult->setText(tr("Saved as %1.").arg(QDir::toNativeSeparators(path)));
    });
}

} // namespace trunkline::gui
