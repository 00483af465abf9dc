#include "emulator/telnyx/TelnyxErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

namespace {

TelnyxError make(const QString& code, const QString& title, const QString& detail, const QString& pointer,
                 const QString& parameter = {}) {
    return TelnyxError{code, title, detail, pointer, parameter};
}

} // namespace

TelnyxError TelnyxErrors::badRequest(const QString& detail, const QString& pointer) {
    return make(u"10015"_s, tr("Bad Request"), detail, pointer);
}

TelnyxError TelnyxErrors::badParameter(const QString& parameter, const QString& detail) {
    return make(u"10015"_s, tr("Bad Request"), detail, {}, parameter);
}

TelnyxError TelnyxErrors::missing(const QString& pointer, const QString& detail) {
    return make(u"10004"_s, tr("Missing required parameter"), detail, pointer);
}

QList<TelnyxError> TelnyxErrors::unknownMembers(const QJsonObject& object, const QStringList& known,
                                                const QString& pointer) {
    QList<TelnyxError> errors;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString child = pointer + u'/' + it.key();
        if (!known.contains(it.key()))
            errors.append(badRequest(tr("Unknown field %1.").arg(child), child));
    }
    return errors;
}

TelnyxError TelnyxErrors::notFound(const QString& detail, const QString& pointer) {
    return make(u"10005"_s, tr("Resource not found"), detail, pointer);
}

TelnyxError TelnyxErrors::invalidId(const QString& detail, const QString& pointer) {
    return make(u"10006"_s, tr("Invalid ID"), detail, pointer);
}

TelnyxError TelnyxErrors::duplicate(const QString& detail, const QString& pointer) {
    return make(u"10012"_s, tr("Duplicate resource"), detail, pointer);
}

TelnyxError TelnyxErrors::invalidE164(const QString& detail, const QString& pointer) {
    return make(u"10016"_s, tr("Phone number must be in +E.164 format"), detail, pointer);
}

TelnyxError TelnyxErrors::authenticationFailed() {
    // UNCONFIRMED: the live API's 401 code (10009 per the error table, 10006 in a spec example).
    return make(u"10009"_s, tr("Authentication failed"),
                tr("The API key in the Authorization header (Bearer) is missing or invalid."), {});
}

EmulatorResponse TelnyxErrors::response(int httpStatus, const QList<TelnyxError>& errors) {
    QJsonArray list;
    for (const TelnyxError& e : errors) {
        QJsonObject item{{u"code"_s, e.code}, {u"title"_s, e.title}};
        if (!e.detail.isEmpty())
            item.insert(u"detail"_s, e.detail);
        QJsonObject source;
        if (!e.pointer.isEmpty())
            source.insert(u"pointer"_s, e.pointer);
        if (!e.parameter.isEmpty())
            source.insert(u"parameter"_s, e.parameter);
        if (!source.isEmpty())
            item.insert(u"source"_s, source);
        item.insert(u"meta"_s,
                    QJsonObject{{u"url"_s, QString(u"https://developers.telnyx.com/docs/overview/errors/"_s +
                                                   e.code)}});
        list.append(item);
    }
    EmulatorResponse r;
    r.status = httpStatus;
    r.body = QJsonDocument(QJsonObject{{u"errors"_s, list}}).toJson(QJsonDocument::Compact);
    return r;
}

} // namespace trunkline::emulator::telnyx
