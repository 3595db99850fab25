/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Help strings that many command tables share, worded as IOS's own `?` output. */
#pragma once

#include <glib/gi18n-lib.h>

/* Keywords that begin many commands. */
#define NO_STR            N_("Negate a command or set its defaults")
#define DO_STR            N_("To run exec commands in config mode")
#define SHOW_STR          N_("Show running system information")
#define TERMINAL_STR      N_("Set terminal line parameters")
#define IP_STR            N_("IP information")
#define IP_CONFIG_STR     N_("Global IP configuration subcommands")
#define IP_INTERFACE_STR  N_("Interface Internet Protocol config commands")
#define INTERFACE_STR     N_("Select an interface to configure")
#define VLAN_STR          N_("Vlan commands")
#define ROUTER_STR        N_("Enable a routing process")
#define LINE_STR          N_("Configure a terminal line")
#define SERVICE_STR       N_("Modify use of network based services")
#define BANNER_STR        N_("Define a login banner")
#define LOGGING_STR       N_("Modify message logging facilities")

/* Leaving modes; `exit` says which mode it leaves. */
#define END_STR           N_("Exit from configure mode")
#define EXIT_EXEC_STR     N_("Exit from the EXEC")
#define EXIT_CONFIG_STR   N_("Exit from configure mode")
#define EXIT_IF_STR       N_("Exit from interface configuration mode")
#define EXIT_LINE_STR     N_("Exit from line configuration mode")
#define EXIT_VLAN_STR     N_("Apply changes, bump revision number, and exit mode")
#define EXIT_ROUTER_STR   N_("Exit from routing protocol configuration mode")
#define EXIT_DHCP_STR     N_("Exit from DHCP pool configuration mode")

/* Passwords. */
#define UNENCRYPTED_STR   N_("Specifies an UNENCRYPTED password will follow")
#define HIDDEN_STR        N_("Specifies a HIDDEN password will follow")
