#include "changes/PayloadMembers.h"

namespace trunkline::changes::PayloadMembers {

QJsonObject membersOf(const QJsonObject& record, const QJsonObject& shape) {
    QJsonObject members;
    for (auto it = shape.constBegin(); it != shape.constEnd(); ++it) {
        if (!record.contains(it.key()))
            continue;
        const QJsonValue value = record.value(it.key());
        if (it.value().isObject() && value.isObject())
            members.insert(it.key(), membersOf(value.toObject(), it.value().toObject()));
        else
            members.insert(it.key(), value);
    }
    return members;
}

QJsonObject keepFirst(const QJsonObject& first, const QJsonObject& later) {
    QJsonObject merged = first;
    for (auto it = later.constBegin(); it != later.constEnd(); ++it) {
        if (!merged.contains(it.key()))
            merged.insert(it.key(), it.value());
        else if (merged.value(it.key()).isObject() && it.value().isObject())
            merged.insert(it.key(), keepFirst(merged.value(it.key()).toObject(), it.value().toObject()));
    }
    return merged;
}

QJsonObject difference(const QJsonObject& before, const QJsonObject& after) {
    QJsonObject changed;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    return changed;
}

bool isContainedIn(const QJsonObject& payload, const QJsonObject& base) {
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        if (!base.contains(it.key()))
            return false;
        const QJsonValue before = base.value(it.key());
        if (it.value().isObject() && before.isObject()) {
            if (!isContainedIn(it.value().toObject(), before.toObject()))
                return false;
        } else if (it.value() != before) {
            return false;
        }
    }
    return true;
}

namespace {
void collectPaths(const QJsonObject& payload, const QString& prefix, QStringList* out) {
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        if (it.value().isObject())
            collectPaths(it.value().toObject(), prefix + it.key() + QLatin1Char('.'), out);
        else
            out->append(prefix + it.key());
    }
}

void collectDifferences(const QJsonObject& payload, const QJsonObject& record, const QString& prefix,
                        QStringList* out) {
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        const QJsonValue held = record.value(it.key());
        if (it.value().isObject())
            collectDifferences(it.value().toObject(), held.toObject(), prefix + it.key() + QLatin1Char('.'),
                               out);
        else if (it.value() != held)
            out->append(prefix + it.key());
    }
}
} // namespace

QStringList paths(const QJsonObject& payload) {
    QStringList out;
    collectPaths(payload, {}, &out);
    return out;
}

QJsonValue valueAt(const QJsonObject& object, const QString& path) {
    QJsonValue value = object;
    for (const QString& member : path.split(u'.'))
        value = value.toObject().value(member);
    return value;
}

void removeAt(QJsonObject& object, const QString& path) {
    const qsizetype dot = path.indexOf(u'.');
    if (dot < 0) {
        object.remove(path);
        return;
    }
    const QString head = path.left(dot);
    if (!object.value(head).isObject())
        return;
    QJsonObject child = object.value(head).toObject();
    removeAt(child, path.mid(dot + 1));
    if (child.isEmpty())
        object.remove(head);
    else
        object.insert(head, child);
}

QStringList differingPaths(const QJsonObject& payload, const QJsonObject& record) {
    QStringList out;
    collectDifferences(payload, record, {}, &out);
    return out;
}

} // namespace trunkline::changes::PayloadMembers
