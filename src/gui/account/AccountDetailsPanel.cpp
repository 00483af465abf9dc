#include "gui/account/AccountDetailsPanel.h"

#include "core/Account.h"
#include "core/PhoneNumber.h"

#include <QColor>
#include <QGuiApplication>
#include <QLabel>
#include <QPalette>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

// Labels and side notes half way between the palette's text and background (rich text knows no palette()
// of its own, and not every style gives PlaceholderText a colour of its own).
QString muted() {
    const QPalette palette = QGuiApplication::palette();
    const QColor text = palette.color(QPalette::WindowText);
    const QColor window = palette.color(QPalette::Window);
    return QColor((text.red() + window.red()) / 2, (text.green() + window.green()) / 2,
                  (text.blue() + window.blue()) / 2)
        .name();
}

QString row(const QString& label, const QString& value) {
    if (value.isEmpty())
        return {};
    return u"<tr><td style='color:%1; padding-right:14px'>%2</td><td>%3</td></tr>"_s.arg(
        muted(), label.toHtmlEscaped(), value);
}

QString billingText(const core::Account& a) {
    QStringList parts;
    const bool once = a.billingDuration == 1;
    if (a.billingDuration > 0 && a.billingDurationUnit == u"Day")
        parts << (once ? AccountDetailsPanel::tr("billed daily")
                       : AccountDetailsPanel::tr("billed every %1 days").arg(a.billingDuration));
    else if (a.billingDuration > 0 && a.billingDurationUnit == u"Month")
        parts << (once ? AccountDetailsPanel::tr("billed monthly")
                       : AccountDetailsPanel::tr("billed every %1 months").arg(a.billingDuration));
    else if (a.billingDuration > 0 && a.billingDurationUnit == u"Year")
        parts << (once ? AccountDetailsPanel::tr("billed yearly")
                       : AccountDetailsPanel::tr("billed every %1 years").arg(a.billingDuration));
    if (!a.billingPlanType.isEmpty())
        parts << AccountDetailsPanel::tr("type %1").arg(a.billingPlanType);
    const QString name = a.billingPlan.toHtmlEscaped();
    return parts.isEmpty() ? name
                           : AccountDetailsPanel::tr("%1 <small>(%2)</small>").arg(name, parts.join(u", "_s));
}

QString addressText(const core::Account& a) {
    const core::BusinessAddress& address = a.businessAddress;
    QStringList lines;
    if (!a.companyName.isEmpty())
        lines << a.companyName;
    if (!address.street.isEmpty())
        lines << address.street;
    const QString stateZip = QString(address.state + u' ' + address.zip).trimmed();
    QStringList cityParts;
    for (const QString& part : {address.city, stateZip}) {
        if (!part.isEmpty())
            cityParts << part;
    }
    const QString cityLine = cityParts.join(u", "_s);
    if (!cityLine.isEmpty())
        lines << cityLine;
    if (!address.country.isEmpty())
        lines << address.country;
    for (QString& line : lines)
        line = line.toHtmlEscaped();
    return lines.join(u"<br>"_s);
}

QString featuresText(const QStringList& names) {
    QStringList readable;
    for (const QString& name : names)
        readable << AccountDetailsPanel::featureText(name).toHtmlEscaped();
    return readable.join(u", "_s);
}

} // namespace

AccountDetailsPanel::AccountDetailsPanel(QWidget* parent)
    : QFrame(parent, Qt::Popup)
    , m_text(new QLabel(this)) {
    setObjectName(u"accountDetailsPanel"_s);
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_DeleteOnClose, false);
    m_text->setObjectName(u"accountDetailsText"_s);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setWordWrap(true);
    m_text->setMinimumWidth(360);
    m_text->setMaximumWidth(520);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->addWidget(m_text);
}

void AccountDetailsPanel::showAccount(const core::Account& account) {
    m_text->setText(html(account));
    adjustSize();
}

QString AccountDetailsPanel::featureText(const QString& featureName) {
    // Words start where a capital follows a small letter; acronyms (SMS) stay as they are.
    static const QRegularExpression wordStart(u"(?<=[a-z])(?=[A-Z])"_s);
    QStringList words = featureName.split(wordStart);
    for (qsizetype i = 1; i < words.size(); ++i) {
        if (words[i].size() > 1 && words[i].at(1).isLower())
            words[i] = words[i].toLower();
    }
    return words.join(u' ').replace(u"Caller id"_s, u"Caller ID"_s).replace(u"caller id"_s, u"caller ID"_s);
}

QString AccountDetailsPanel::html(const core::Account& a) {
    QString mainNumber = a.mainNumber;
    if (const core::ParseOutcome parsed = core::PhoneNumber::parse(a.mainNumber); parsed.ok())
        mainNumber = parsed.number->international();
    const QString plan = a.servicePlanEdition.isEmpty()
                             ? a.servicePlan.toHtmlEscaped()
                             : tr("%1 <small>(%2 edition)</small>")
                                   .arg(a.servicePlan.toHtmlEscaped(), a.servicePlanEdition.toHtmlEscaped());
    QString features = featuresText(a.enabledFeatures);
    if (!a.disabledFeatures.isEmpty())
        features += u"<br><small style='color:%1'>%2</small>"_s.arg(
            muted(), tr("Not included: %1").arg(featuresText(a.disabledFeatures)));
    const QString title = a.companyName.isEmpty() ? tr("Account %1").arg(a.id) : a.companyName;
    return u"<p style='margin-bottom:6px'><b style='font-size:large'>%1</b><br>"
           u"<small style='color:%2'>%3</small></p>"
           u"<table cellspacing='0' cellpadding='3'>%4</table>"_s.arg(
               title.toHtmlEscaped(), muted(), tr("RingCentral account %1").arg(a.id).toHtmlEscaped(),
               row(tr("Main number"), mainNumber.toHtmlEscaped()) +
                   row(tr("Brand"), a.brand.toHtmlEscaped()) + row(tr("Service plan"), plan) +
                   row(tr("Billing plan"), billingText(a)) + row(tr("Status"), a.status.toHtmlEscaped()) +
                   row(tr("Operator"),
                       (a.operatorName.isEmpty() ? a.operatorExtensionId : a.operatorName).toHtmlEscaped()) +
                   row(tr("Features"), features) + row(tr("Business address"), addressText(a)));
}

} // namespace trunkline::gui
