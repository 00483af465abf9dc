#include "gui/porting/SessionStepStatus.h"

#include "gui/extensions/FormMessages.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace trunkline::gui {

SessionStepStatus::SessionStepStatus(QWidget* parent, const QString& bannerName, const QString& retryName)
    : m_banner(form::newBanner(parent, bannerName, form::Banner::Info))
    , m_retry(new QPushButton(parent)) {
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(retryName);
}

QHBoxLayout* SessionStepStatus::addTo(QVBoxLayout* layout) const {
    auto* row = new QHBoxLayout;
    row->addWidget(m_retry);
    layout->addWidget(m_banner);
    layout->addLayout(row);
    return row;
}

void SessionStepStatus::show(const PortOrderSession& session, PortOrderSession::Step step, bool done,
                             const StepTexts& texts) {
    const std::optional<net::ApiError> error = session.errorOf(step);
    QString text;
    if (!session.connected())
        text = texts.offline;
    else if (session.busyWith(step))
        text = texts.busy;
    else if (done)
        text = texts.done;
    else if (error)
        text = texts.failed + u'\n' + PortOrderSession::errorText(*error);
    const bool failed = error && !done;
    form::makeBanner(m_banner, failed ? form::Banner::Warning : form::Banner::Info);
    form::showBanner(m_banner, text);
    m_retry->setVisible(session.connected() && failed && !session.busy());
}

} // namespace trunkline::gui
