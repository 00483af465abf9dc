#include "emulator/restcomm/RestcommWire.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::restcomm {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("trunkline::emulator::restcomm::RestcommService", text);
}

// Strict application/x-www-form-urlencoded decoding: '+' is a space, '%' needs two hex digits.
std::optional<QString> decodeFormComponent(const QByteArray& raw, QString* out) {
    QByteArray bytes;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '+') {
            bytes += ' ';
        } else if (c == '%') {
            const QByteArray hex = raw.mid(i + 1, 2);
            auto isHex = [](char h) {
                return (h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
            };
            if (hex.size() != 2 || !isHex(hex.at(0)) || !isHex(hex.at(1)))
                return tr("broken percent-encoding \"%1\"").arg(QString::fromLatin1(raw.mid(i, 3)));
            bytes += static_cast<char>(hex.toInt(nullptr, 16));
            i += 2;
        } else {
            bytes += c;
        }
    }
    *out = QString::fromUtf8(bytes);
    return std::nullopt;
}

} // namespace

EmulatorResponse empty(int status) {
    EmulatorResponse r;
    r.status = status;
    r.contentType.clear();
    return r;
}

EmulatorResponse plain(int status, const QString& text) {
    EmulatorResponse r;
    r.status = status;
    r.contentType = "text/plain;charset=UTF-8";
    r.body = text.toUtf8();
    return r;
}

EmulatorResponse formatted(int status, bool json, const QByteArray& body) {
    EmulatorResponse r;
    r.status = status;
    r.contentType = json ? QByteArrayLiteral("application/json") : QByteArrayLiteral("application/xml");
    r.body = body;
    return r;
}

QByteArray xmlDocument(const QByteArray& inner) {
    return "<?xml version='1.0' encoding='UTF-8'?>\n<RestcommResponse>" + inner + "</RestcommResponse>";
}

bool isSid(const QString& text) {
    static const QRegularExpression pattern(u"^[a-zA-Z0-9]{34}$"_s);
    return pattern.match(text).hasMatch();
}

bool javaParseBoolean(const QString& text) {
    return text.compare(u"true"_s, Qt::CaseInsensitive) == 0;
}

std::optional<EmulatorResponse> RestcommForm::read(const EmulatorRequest& request, Params* params) {
    const QByteArray body = request.body;
    if (body.isEmpty())
        return std::nullopt;
    const QByteArray contentType = request.header("content-type").toLower();
    if (!contentType.startsWith("application/x-www-form-urlencoded"))
        // Jersey's @FormParam endpoints consume only form bodies (UNCONFIRMED exact text: Jersey sends none).
        return plain(415,
                     tr("Unsupported Media Type: send the parameters as application/x-www-form-urlencoded, "
                        "not %1.")
                         .arg(QString::fromLatin1(contentType.isEmpty() ? QByteArray("no content type")
                                                                        : contentType)));
    for (const QByteArray& pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QString key;
        QString value;
        if (auto error = decodeFormComponent(eq < 0 ? pair : pair.left(eq), &key))
            return plain(400, tr("Malformed form data: %1 in parameter name \"%2\".")
                                  .arg(*error, QString::fromUtf8(eq < 0 ? pair : pair.left(eq))));
        if (eq >= 0) {
            if (auto error = decodeFormComponent(pair.mid(eq + 1), &value))
                return plain(
                    400, tr("Malformed form data: %1 in the value of parameter \"%2\".").arg(*error, key));
        }
        params->append({key, value});
    }
    return std::nullopt;
}

QString RestcommForm::param(const Params& params, const QString& name, bool* present) {
    for (const auto& [key, value] : params) {
        if (key == name) {
            if (present)
                *present = true;
            return value;
        }
    }
    if (present)
        *present = false;
    return {};
}

} // namespace trunkline::emulator::restcomm
