#pragma once

// The classes the gui headers use only by reference or pointer, declared once for all of them, so that a
// header includes no more than it needs (the pages' own Ui:: forms stay declared beside each page).

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace trunkline::connection {
class ConnectionFactory;
class DemoAccount;
struct Connection;
} // namespace trunkline::connection
namespace trunkline::core {
struct Account;
}
namespace trunkline::models {
class AuditLogModel;
class ExtensionsModel;
class ForwardingListModel;
class NumbersModel;
class PendingChangesModel;
} // namespace trunkline::models
namespace trunkline::net {
class ApiReply;
}
namespace trunkline::providers {
class NumberSearch;
}
namespace trunkline::secrets {
class SecretStore;
}
namespace trunkline::store {
class Database;
}
namespace trunkline::sync {
class SyncEngine;
}
