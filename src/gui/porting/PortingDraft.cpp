#include "gui/porting/PortingDraft.h"

#include <QSettings>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

namespace {

QString groupOf(qint64 profileId) {
    return u"porting/draft/%1"_s.arg(profileId);
}

// "4-4,19-20": the ranges as one readable settings value.
QString rangesText(const QList<core::NumberRange>& ranges) {
    QStringList parts;
    for (const core::NumberRange& range : ranges)
        parts << u"%1-%2"_s.arg(range.startAt).arg(range.endAt);
    return parts.join(u',');
}

QList<core::NumberRange> rangesFrom(const QString& text) {
    QList<core::NumberRange> ranges;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts))
        ranges.append({part.section(u'-', 0, 0).toInt(), part.section(u'-', 1, 1).toInt()});
    return ranges;
}

} // namespace

std::optional<PortingDraft> PortingDraft::load(qint64 profileId) {
    QSettings settings;
    settings.beginGroup(groupOf(profileId));
    if (!settings.contains(u"route"_s))
        return std::nullopt;
    PortingDraft draft;
    draft.routeText = settings.value(u"route"_s).toString();
    draft.details.entityName = settings.value(u"entityName"_s).toString();
    draft.details.authPersonName = settings.value(u"authPersonName"_s).toString();
    draft.details.streetAddress = settings.value(u"streetAddress"_s).toString();
    draft.details.postalCode = settings.value(u"postalCode"_s).toString();
    draft.details.locality = settings.value(u"locality"_s).toString();
    draft.details.requestedDate =
        QDate::fromString(settings.value(u"requestedDate"_s).toString(), Qt::ISODate);
    draft.details.customerReference = settings.value(u"customerReference"_s).toString();
    draft.details.loaPath = settings.value(u"loaPath"_s).toString();
    draft.details.invoicePath = settings.value(u"invoicePath"_s).toString();
    const QList<core::NumberRange> block = rangesFrom(settings.value(u"block"_s).toString());
    if (block.size() == 1)
        draft.block = block.first();
    draft.activationRanges = rangesFrom(settings.value(u"activationRanges"_s).toString());
    draft.orderId = settings.value(u"orderId"_s).toString();
    draft.portingPhoneNumberId = settings.value(u"portingPhoneNumberId"_s).toString();
    return draft;
}

void PortingDraft::save(qint64 profileId) const {
    QSettings settings;
    settings.beginGroup(groupOf(profileId));
    settings.setValue(u"route"_s, routeText);
    settings.setValue(u"entityName"_s, details.entityName);
    settings.setValue(u"authPersonName"_s, details.authPersonName);
    settings.setValue(u"streetAddress"_s, details.streetAddress);
    settings.setValue(u"postalCode"_s, details.postalCode);
    settings.setValue(u"locality"_s, details.locality);
    settings.setValue(u"requestedDate"_s, details.requestedDate.toString(Qt::ISODate));
    settings.setValue(u"customerReference"_s, details.customerReference);
    settings.setValue(u"loaPath"_s, details.loaPath);
    settings.setValue(u"invoicePath"_s, details.invoicePath);
    settings.setValue(u"block"_s, rangesText({block}));
    settings.setValue(u"activationRanges"_s, rangesText(activationRanges));
    settings.setValue(u"orderId"_s, orderId);
    settings.setValue(u"portingPhoneNumberId"_s, portingPhoneNumberId);
}

void PortingDraft::discard(qint64 profileId) {
    QSettings().remove(groupOf(profileId));
}

} // namespace trunkline::gui
