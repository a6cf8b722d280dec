// The dev wallet's heavy half, loaded with a dynamic import only when someone opens or uses it:
// key derivation and signing in the page (viem local accounts), the EIP-1193 provider the
// connector hands to wagmi, and funding a fresh account on the local node.
import { testTokenAbi } from "@peerlock/sdk";
import {
  type Address,
  createWalletClient,
  type EIP1193Parameters,
  type Hex,
  hexToBigInt,
  http,
  type LocalAccount,
  numberToHex,
  ProviderRpcError,
  parseSignature,
  serializeSignature,
  type TypedDataDefinition,
  UnsupportedChainIdError,
} from "viem";
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { waitForTransactionReceipt } from "viem/actions";
import { appChain, appRpcUrl } from "@/config/chain";
import { faucetTokens } from "@/config/deployment";
import type { DevSelection } from "./selection";

/** The mnemonic every Hardhat node funds by default; public test keys, worthless anywhere else. */
const HARDHAT_MNEMONIC = "test test test test test test test test test test test junk";

const NON_DETERMINISTIC_INDEX = 4;
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** The same signature's other valid ECDSA form (s' = n - s, the other y parity): what a randomized signer might return. */
function otherValidForm(signature: Hex): Hex {
  const { r, s, yParity } = parseSignature(signature);
  return serializeSignature({ r, s: numberToHex(SECP256K1_N - hexToBigInt(s), { size: 32 }), yParity: yParity === 0 ? 1 : 0 });
}

/** ETH a fresh account starts with (hardhat_setBalance), enough for any number of test trades. */
const FRESH_BALANCE = 100n * 10n ** 18n;

export function accountOf(selection: DevSelection): LocalAccount {
  return selection.kind === "hardhat"
    ? mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex: selection.index })
    : privateKeyToAccount(selection.privateKey);
}

export function hardhatAddresses(count: number): Address[] {
  return Array.from({ length: count }, (_, index) => accountOf({ kind: "hardhat", index }).address);
}

function walletClient(account: LocalAccount) {
  return createWalletClient({ account, chain: appChain, transport: http(appRpcUrl) });
}

type RpcTransaction = { to?: Address | null; data?: Hex; input?: Hex; value?: Hex; gas?: Hex; nonce?: Hex };
const big = (hex: Hex | undefined) => (hex === undefined ? undefined : hexToBigInt(hex));

/**
 * An EIP-1193 provider for one local account: account and chain questions are answered here,
 * transactions and messages are signed here, everything else goes to the app's node.
 */
export function devProvider(account: LocalAccount) {
  const client = walletClient(account);
  // Hardhat account #4 signs like a wallet whose signatures differ each time, so the deal room's
  // random in-browser room key path (SPEC v3) is exercised in `pnpm dev` too.
  const nonDeterministic = account.address === accountOf({ kind: "hardhat", index: NON_DETERMINISTIC_INDEX }).address;
  let typedSignatures = 0;
  return {
    async request({ method, params }: EIP1193Parameters): Promise<unknown> {
      const list = (params ?? []) as unknown[];
      switch (method) {
        case "eth_accounts":
        case "eth_requestAccounts":
          return [account.address];
        case "eth_chainId":
          return numberToHex(appChain.id);
        case "wallet_switchEthereumChain": {
          const { chainId } = list[0] as { chainId: Hex };
          if (Number(chainId) === appChain.id) return null;
          throw new UnsupportedChainIdError(new Error(`The dev wallet only signs on ${appChain.name}.`));
        }
        case "eth_sendTransaction": {
          const tx = list[0] as RpcTransaction;
          return client.sendTransaction({
            account,
            chain: appChain,
            to: tx.to ?? undefined,
            data: tx.data ?? tx.input,
            value: big(tx.value),
            gas: big(tx.gas),
            nonce: tx.nonce === undefined ? undefined : Number(tx.nonce),
          });
        }
        case "personal_sign":
          return account.signMessage({ message: { raw: list[0] as Hex } });
        case "eth_signTypedData_v4": {
          const signature = await account.signTypedData(JSON.parse(list[1] as string) as TypedDataDefinition);
          return nonDeterministic && ++typedSignatures % 2 === 0 ? otherValidForm(signature) : signature;
        }
        case "eth_sign":
        case "eth_signTransaction":
          throw new ProviderRpcError(new Error(`The dev wallet does not support ${method}.`), { code: 4200, shortMessage: "Unsupported method" });
        default:
          return client.request({ method, params } as never);
      }
    },
  };
}

/**
 * A new key, funded on the spot: ETH through the node's `hardhat_setBalance`, then each test
 * token's faucet, signed by the new account itself. Returns the key to store.
 */
export async function createFundedAccount(): Promise<Hex> {
  const privateKey = generatePrivateKey();
  const account = privateKeyToAccount(privateKey);
  const client = walletClient(account);
  await client.request({ method: "hardhat_setBalance", params: [account.address, numberToHex(FRESH_BALANCE)] } as never);
  for (const token of faucetTokens) {
    const hash = await client.writeContract({ address: token.address, abi: testTokenAbi, functionName: "faucet", args: [] });
    await waitForTransactionReceipt(client, { hash });
  }
  return privateKey;
}
